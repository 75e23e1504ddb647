package dev.touchpoint.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A spreadsheet's own header imports as it is, and nothing under a column we do not map is dropped unseen. */
class ImportColumnsTest {

    @Test
    void aFewKnownColumns_inAnyOrderAndCase_mapEachCell() {
        ImportColumns columns = ImportColumns.of(List.of(" Comment", "NPS ", "email"));
        Map<String, String> cells = columns.cells(List.of(" slow ", "4", "a@example.com"));
        assertEquals("slow", cells.get("comment"));
        assertEquals("4", cells.get("nps"));
        assertEquals("a@example.com", cells.get("email"));
        assertEquals("", cells.get("channel"), "a column the header does not name is empty");
    }

    @Test
    void theFullDocumentedHeader_stillImports() {
        ImportColumns columns = ImportColumns.of(ImportColumns.KNOWN);
        assertEquals("9", columns.cells(List.of("", "", "", "", "", "", "", "", "", "", "9")).get("nps"));
        assertEquals("", columns.cells(List.of("p-1")).get("comment"), "a short row's missing cells are empty");
    }

    @Test
    void anUnknownName_refusesTheHeader_namingIt() {
        ImportColumns.InvalidHeaderException refused = assertThrows(ImportColumns.InvalidHeaderException.class,
                () -> ImportColumns.of(List.of("email", "NPS score", "comment", "agent")));
        assertTrue(refused.getMessage().contains("NPS score, agent"), refused.getMessage());
    }

    @Test
    void aColumnNamedTwice_isRefused() {
        ImportColumns.InvalidHeaderException refused = assertThrows(ImportColumns.InvalidHeaderException.class,
                () -> ImportColumns.of(List.of("email", "nps", "Email")));
        assertTrue(refused.getMessage().contains("email twice"), refused.getMessage());
    }

    @Test
    void aHeaderWithoutAnyAnswerColumn_isRefused() {
        ImportColumns.InvalidHeaderException refused = assertThrows(ImportColumns.InvalidHeaderException.class,
                () -> ImportColumns.of(List.of("email", "phone")));
        assertTrue(refused.getMessage().contains("no answer column"), refused.getMessage());
    }

    @Test
    void textPastTheHeader_orUnderABlankName_isAStrayCell() {
        ImportColumns columns = ImportColumns.of(List.of("email", "", "comment"));
        assertEquals(Optional.empty(), columns.strayCell(List.of("a@example.com", " ", "fine", "")));
        assertEquals(Optional.of(2), columns.strayCell(List.of("a@example.com", "x", "fine")));
        assertEquals(Optional.of(4), columns.strayCell(List.of("a@example.com", "", "slow", " very slow")),
                "an unquoted comma split the comment");
    }
}
