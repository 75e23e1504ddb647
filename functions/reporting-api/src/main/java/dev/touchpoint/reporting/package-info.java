/** The reporting-api function: {@code GET /v1/reports/summary}, the same metrics side by side for every channel. */
package dev.touchpoint.reporting;
