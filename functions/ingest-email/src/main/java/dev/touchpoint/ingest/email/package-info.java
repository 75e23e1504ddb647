/**
 * The ingest-email function: replies to survey emails, received by SES (S3 action, then this Lambda
 * action). Finds the invitation by its reply address, keeps only the new text, drops spam and viruses.
 */
package dev.touchpoint.ingest.email;
