/** What travels through the feedback queue: feedback and service interactions, and their one JSON codec. */
package dev.touchpoint.domain.queue;
