package dev.touchpoint.ingest.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a spreadsheet's CSV export holds reaches the import cell for cell. */
class CsvReaderTest {

    @Test
    void quotedCells_keepTheirCommasQuotesAndLineBreaks() {
        List<List<String>> rows = CsvReader.read("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n");
        assertEquals(List.of(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\r\nlines")), rows);
    }

    @Test
    void lfOrCrlfRows_aByteOrderMark_andBlankLines_makeNoDifference() {
        List<List<String>> expected = List.of(List.of("externalId", "nps"), List.of("p-1", "9"), List.of("p-2", ""));
        assertEquals(expected, CsvReader.read("externalId,nps\np-1,9\n\np-2,\n"));
        assertEquals(expected, CsvReader.read("\uFEFFexternalId,nps\r\np-1,9\r\np-2,"));
    }

    @Test
    void emptyCells_andShortRows_areKeptAsWritten() {
        assertEquals(List.of(List.of("", "", "x"), List.of("only")), CsvReader.read(",,x\r\nonly\r\n"));
    }

    @Test
    void nothing_isNoRows() {
        assertEquals(List.of(), CsvReader.read(""));
        assertEquals(List.of(), CsvReader.read("\uFEFF"));
    }

    @Test
    void aQuotedCellLeftOpen_isRefused_namingItsLine() {
        CsvReader.MalformedCsvException refused = assertThrows(CsvReader.MalformedCsvException.class,
                () -> CsvReader.read("externalId,comment\r\np-1,fine\r\np-2,\"never closed\r\np-3,9\r\n"));
        assertEquals(3, refused.line, refused.getMessage());
        assertTrue(refused.getMessage().contains("quote"), refused.getMessage());
    }

    @Test
    void textAfterAClosingQuote_isRefused_namingItsLine() {
        CsvReader.MalformedCsvException refused = assertThrows(CsvReader.MalformedCsvException.class,
                () -> CsvReader.read("externalId,comment\n\np-1,\"closed\"too soon\n"));
        assertEquals(3, refused.line, refused.getMessage());
    }

    @Test
    void aSpreadsheetSavedWithSemicolons_isReadByThem_keepingCommasInItsCells() {
        assertEquals(List.of(List.of("email", "nps", "comment"), List.of("a@example.com", "7", "Güzel; hızlı, temiz"), List.of("b@example.com", "9", "1,5 saat")),
                CsvReader.read("\uFEFFemail;nps;comment\r\na@example.com;7;\"Güzel; hızlı, temiz\"\r\nb@example.com;9;1,5 saat\r\n"));
    }

    @Test
    void theSeparator_isTheFirstRowsComma_elseSemicolon_elseTab_outsideQuotes() {
        assertEquals(',', CsvReader.separator("email,\"a;b\"\r\nx;y;z"));
        assertEquals(';', CsvReader.separator("\"e,mail\";nps\nx,y"));
        assertEquals('\t', CsvReader.separator("email\tnps\n"));
        assertEquals(',', CsvReader.separator("comment\nslow; very, slow\n"), "one column: the comma, as before");
    }

    @Test
    void excelsSepLine_namesTheSeparator_andIsNoRow() {
        assertEquals(List.of(List.of("email", "nps"), List.of("a@example.com", "7")),
                CsvReader.read("\uFEFFsep=;\r\nemail;nps\r\na@example.com;7\r\n"));
        assertEquals(List.of(List.of("email;nps", "comment"), List.of("a;b", "c")), CsvReader.read("sep=,\nemail;nps,comment\na;b,c\n"),
                "the named separator wins over the header's look");
        CsvReader.MalformedCsvException refused = assertThrows(CsvReader.MalformedCsvException.class,
                () -> CsvReader.read("sep=;\r\nemail;comment\r\na@example.com;\"never closed\r\n"));
        assertEquals(3, refused.line, "lines counted in the file as written: " + refused.getMessage());
    }
}
