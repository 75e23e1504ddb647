/** Sending survey email through SES v2. */
package dev.touchpoint.aws.ses;
