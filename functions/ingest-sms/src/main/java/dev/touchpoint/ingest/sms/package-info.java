/** The ingest-sms function: AWS End User Messaging two-way SMS, delivered through an SNS topic. */
package dev.touchpoint.ingest.sms;
