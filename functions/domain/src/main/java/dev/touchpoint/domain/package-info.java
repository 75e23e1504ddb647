/**
 * The Touchpoint domain: what feedback is, how it is validated and measured, how customers are
 * recognised across channels, and the ports (interfaces) through which the outside world is reached.
 * Nothing in here knows about Lambda or the AWS SDK.
 */
package dev.touchpoint.domain;
