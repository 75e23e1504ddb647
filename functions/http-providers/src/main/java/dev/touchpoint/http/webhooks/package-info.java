/** Outgoing webhooks posted over HTTP (the JDK's client), as closed-loop delivers them. */
package dev.touchpoint.http.webhooks;
