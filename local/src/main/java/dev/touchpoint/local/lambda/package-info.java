/** What Lambda does around a handler: the function registry, a context, raw-event decoding, and the SQS event source. */
package dev.touchpoint.local.lambda;
