/** Who may call what, how often: rate limits for publishable (widget) keys. */
package dev.touchpoint.domain.access;
