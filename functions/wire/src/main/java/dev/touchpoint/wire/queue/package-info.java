/** How queue messages are written on SQS and read back: one JSON envelope per message, its kind named. */
package dev.touchpoint.wire.queue;
