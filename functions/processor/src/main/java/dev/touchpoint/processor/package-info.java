/**
 * The processor function: takes batches from the feedback queue and records each event exactly once
 * in effect, reporting only the failed records back to SQS ({@code batchItemFailures}).
 */
package dev.touchpoint.processor;
