package dev.touchpoint.ingest.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV read by Jackson's CSV parser: quoted cells with commas, doubled quotes and line
 * breaks; CRLF or LF rows; blank lines skipped; a leading byte-order mark ignored. Rows are read as
 * arrays of text, so no column is interpreted here: the import checks the header and each row.
 *
 * <p>The separator is the comma, unless the first row holds none outside quotes and holds
 * semicolons (or else tabs): a spreadsheet set to a language that writes decimals with a comma,
 * Turkish, German or French among them, saves its CSV with semicolons. A first line such as
 * {@code sep=;}, which Excel writes and reads to know the separator, names it and is skipped.
 */
final class CsvReader {

    private CsvReader() {
    }

    /** @throws MalformedCsvException for a row the parser cannot read, such as one with a quoted cell left open */
    static List<List<String>> read(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        Matcher named = NAMED_SEPARATOR.matcher(csv);
        boolean separatorNamed = named.lookingAt();
        char separator = separatorNamed ? named.group(1).charAt(0) : separator(csv);
        int skippedLines = separatorNamed ? 1 : 0;
        List<List<String>> rows = new ArrayList<>();
        long line = 1;
        try (CsvParser parser = Factory.CSV.createParser(separatorNamed ? csv.substring(named.end()) : csv)) {
            parser.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return rows;
            }
            while (parser.nextToken() == JsonToken.START_ARRAY) {
                line = parser.currentLocation().getLineNr() + skippedLines;
                rows.add(row(parser));
            }
        } catch (JsonProcessingException e) {
            throw new MalformedCsvException(line, e.getOriginalMessage());
        } catch (IOException e) {
            throw new MalformedCsvException(line, e.getMessage());
        }
        return rows;
    }

    /** Excel's own first line naming the separator ({@code sep=;}), which it hides when it opens the file. */
    private static final Pattern NAMED_SEPARATOR = Pattern.compile("sep=([,;\t|])\r?\n");

    /** The comma, else the semicolon, else the tab, whichever the first row holds outside quotes. */
    static char separator(String csv) {
        boolean quoted = false;
        boolean semicolon = false;
        boolean tab = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                return ',';
            } else if (!quoted) {
                semicolon |= c == ';';
                tab |= c == '\t';
            }
        }
        return semicolon ? ';' : tab ? '\t' : ',';
    }

    private static List<String> row(CsvParser parser) throws IOException {
        List<String> cells = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            cells.add(parser.getText());
        }
        return cells;
    }

    /** Built on the first import only: a function that never imports loads none of it. */
    private static final class Factory {
        static final CsvFactory CSV = CsvFactory.builder()
                .enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .build();
    }

    /** A row that cannot be read; {@code line} is where the row starts, which is where to look. */
    static final class MalformedCsvException extends IllegalArgumentException {
        final long line;

        MalformedCsvException(long line, String reason) {
            super("The row starting on line " + line + " cannot be read: " + reason + ".");
            this.line = line;
        }
    }
}
