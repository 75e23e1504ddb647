/** Sending survey SMS through SNS. */
package dev.touchpoint.aws.sns;
