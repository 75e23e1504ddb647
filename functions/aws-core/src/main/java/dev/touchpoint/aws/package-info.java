/**
 * The AWS side of the domain's ports, one adapter per service, and the one place AWS SDK clients are
 * built ({@link dev.touchpoint.aws.AwsClients}) from the standard AWS environment variables.
 */
package dev.touchpoint.aws;
