/** The feedback queue and its dead-letter queue on SQS. */
package dev.touchpoint.aws.sqs;
