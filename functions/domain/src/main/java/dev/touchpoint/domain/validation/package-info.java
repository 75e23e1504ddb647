/** Field errors: where a value is wrong (an RFC 6901 pointer) and why; what every reader of outside input returns. */
package dev.touchpoint.domain.validation;
