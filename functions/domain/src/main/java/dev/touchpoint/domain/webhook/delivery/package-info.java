/** Delivering one outgoing webhook: the response it announces, read again, signed and posted; apart from webhook so that the webhook words do not depend on profiles. */
package dev.touchpoint.domain.webhook.delivery;
