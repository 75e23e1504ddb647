/**
 * The delivery-events function: SES email events and SMS delivery events arrive through SNS; bounces
 * and complaints suppress the channel on the profile, deliveries, opens and clicks feed the funnel.
 */
package dev.touchpoint.delivery;
