/** Secrets from AWS Secrets Manager, fetched by ARN once per container and never put in environment variables. */
package dev.touchpoint.aws.secrets;
