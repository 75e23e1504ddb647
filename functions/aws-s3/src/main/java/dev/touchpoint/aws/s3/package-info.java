/** Received emails, stored by SES's receipt rule in S3. */
package dev.touchpoint.aws.s3;
