/**
 * The providers' delivery reports read from their events: SES's (through SNS) and AWS End User
 * Messaging's SMS reports. Only this function reads them, so they live with it, not in an adapter.
 */
package dev.touchpoint.delivery.reports;
