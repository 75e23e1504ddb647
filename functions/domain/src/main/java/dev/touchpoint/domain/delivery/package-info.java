/** What providers tell us after a send: delivered, opened, clicked, bounced, complained, failed; the funnel and suppression follow. */
package dev.touchpoint.domain.delivery;
