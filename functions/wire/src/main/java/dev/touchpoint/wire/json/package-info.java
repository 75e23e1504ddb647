/** The one place JSON is configured: strict parsing with read limits, and the queue message codec. */
package dev.touchpoint.wire.json;
