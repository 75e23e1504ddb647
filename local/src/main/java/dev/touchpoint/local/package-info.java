/**
 * The local runtime: {@link dev.touchpoint.local.LocalMain} starts {@link dev.touchpoint.local.LocalRuntime},
 * which runs the embedded services ({@code embedded}), invokes the real handlers as Lambda would
 * ({@code lambda}: the functions, the SQS event source), and serves the contract's routes ({@code http}).
 */
package dev.touchpoint.local;
