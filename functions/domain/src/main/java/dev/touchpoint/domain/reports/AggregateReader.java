package dev.touchpoint.domain.reports;

import java.time.LocalDate;
import java.util.List;

/** Port: the aggregate cells of the UTC days from {@code from} to {@code to}, inclusive (one query per day). */
public interface AggregateReader {

    List<AggregateCell> cells(LocalDate from, LocalDate to);
}
