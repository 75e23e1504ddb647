/** The single DynamoDB table: its key layout ({@link dev.touchpoint.aws.dynamodb.TouchpointTable}) and its repositories. See docs/data-model.md. */
package dev.touchpoint.aws.dynamodb;
