/** Service interactions from a CRM, POS or helpdesk (an order delivered, a ticket closed) that may schedule a survey. */
package dev.touchpoint.domain.interaction;
