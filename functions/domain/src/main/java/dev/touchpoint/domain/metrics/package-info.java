/** The metric rules (NPS, CSAT, CES, ratings), defined once for every channel and report. */
package dev.touchpoint.domain.metrics;
