package dev.touchpoint.ingest.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an import's header row says: which of the known columns each cell of a row holds. A header
 * names any of the known columns, in any order, each once, matched without case or surrounding
 * space, so a spreadsheet of just {@code email,nps,comment} imports as it is. A name we do not know
 * refuses the file, since its values would otherwise be dropped unseen (a typo, or {@code NPS score}
 * for {@code nps}). A cell left blank in the header names no column; a row may hold nothing under it.
 */
final class ImportColumns {

    static final List<String> KNOWN = List.of("externalId", "channel", "touchpoint", "surveyId", "email", "phone",
            "customerExternalId", "name", "locale", "submittedAt", "nps", "csat", "ces", "rating", "comment");
    static final List<String> ANSWERS = List.of("nps", "csat", "ces", "rating", "comment");

    private static final Map<String, String> KNOWN_BY_FOLDED_NAME = new HashMap<>();

    static {
        KNOWN.forEach(name -> KNOWN_BY_FOLDED_NAME.put(fold(name), name));
    }

    /** The known column of each header cell, or null for a cell left blank. */
    private final List<String> byPosition;

    private ImportColumns(List<String> byPosition) {
        this.byPosition = byPosition;
    }

    /** @throws InvalidHeaderException naming what is wrong: an unknown or repeated name, or no answer column */
    static ImportColumns of(List<String> header) {
        List<String> byPosition = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>();
        for (String cell : header) {
            String name = cell.strip();
            String column = name.isEmpty() ? null : KNOWN_BY_FOLDED_NAME.get(fold(name));
            if (!name.isEmpty() && column == null) {
                unknown.add(name);
            } else if (column != null && !named.add(column)) {
                throw new InvalidHeaderException("The header names the column " + column + " twice.");
            }
            byPosition.add(column);
        }
        if (!unknown.isEmpty()) {
            throw new InvalidHeaderException("The header names " + (unknown.size() == 1 ? "a column" : "columns")
                    + " we do not know: " + String.join(", ", unknown) + ". Name any of " + String.join(", ", KNOWN)
                    + ", in any order.");
        }
        if (ANSWERS.stream().noneMatch(named::contains)) {
            throw new InvalidHeaderException("The header names no answer column: add at least one of "
                    + String.join(", ", ANSWERS) + ".");
        }
        return new ImportColumns(byPosition);
    }

    /** The row's cells by column, stripped; a column the row is too short for is empty. */
    Map<String, String> cells(List<String> row) {
        Map<String, String> cells = new HashMap<>();
        KNOWN.forEach(column -> cells.put(column, ""));
        for (int i = 0; i < Math.min(row.size(), byPosition.size()); i++) {
            if (byPosition.get(i) != null) {
                cells.put(byPosition.get(i), row.get(i).strip());
            }
        }
        return cells;
    }

    /**
     * The first cell (counted from 1) of a row that holds text but lies under no named column: past
     * the header's last cell, or under a blank one. Most often a comma in a cell that was not quoted,
     * which split the cell in two; imported as it is, the rest would be lost.
     */
    Optional<Integer> strayCell(List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            boolean named = i < byPosition.size() && byPosition.get(i) != null;
            if (!named && !row.get(i).isBlank()) {
                return Optional.of(i + 1);
            }
        }
        return Optional.empty();
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** A header the import cannot map; its message says what to change. */
    static final class InvalidHeaderException extends IllegalArgumentException {
        InvalidHeaderException(String message) {
            super(message);
        }
    }
}
