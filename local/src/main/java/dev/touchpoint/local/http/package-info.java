/** The one local HTTP server: contract routes turned into API Gateway v2 events, and the {@code /_local} routes. */
package dev.touchpoint.local.http;
