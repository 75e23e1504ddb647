/** Received email locally: SES's receipt rule stores raw messages in S3 in AWS; here a directory stands in for that store. */
package dev.touchpoint.local.inbound;
