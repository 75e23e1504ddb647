/**
 * Where the AWS SDK's own log lines go: its warnings and errors into the function's log, at their
 * level (Lambda's JSON log format records it), instead of SLF4J's "no provider" notice on every cold
 * start and silence after it.
 */
package dev.touchpoint.aws.logging;
