/**
 * Survey invitations: scheduled after a service event, dispatched at the right time on the right
 * channel with consent respected, answered through a signed token.
 */
package dev.touchpoint.domain.invitation;
