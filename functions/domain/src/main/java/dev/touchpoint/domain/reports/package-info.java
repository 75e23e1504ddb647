/** Reports: the same metrics for every channel, touchpoint, survey and day, computed from the daily aggregate cells. */
package dev.touchpoint.domain.reports;
