/**
 * API Gateway HTTP API (payload 2.0) on the way in and out: reading a request's headers and body
 * safely, API keys, and answers, errors as RFC 9457 {@code application/problem+json}.
 */
package dev.touchpoint.aws.apigateway;
