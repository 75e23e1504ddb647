/** Feedback as it travels through the system: channels, answers, the normalised event and its validation. */
package dev.touchpoint.domain.feedback;
