package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The responses export: every response in range exactly once across pages, and CSV a spreadsheet reads right. */
class ExportIT {

    private static final String TRICKY = "Hızlı, \"çok\" iyi\nİkinci satır";
    private static LocalRuntime runtime;
    private static LocalApi api;
    private static LocalDate first;
    private static LocalDate last;

    @BeforeAll
    static void seed() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(Setting.API_KEY.variable(), "export-key")));
        api = new LocalApi(runtime);
        last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        first = last.minusDays(2);
        for (int i = 0; i < 45; i++) {
            assertEquals(202, api.postFeedback("""
                    {"externalId":"export-%d","channel":"web","surveyId":"post-service","submittedAt":"%sT%02d:00:00Z",
                     "answers":[{"questionId":"nps","type":"nps","value":%d}]}""".formatted(i, first.plusDays(i % 3), i % 24, i % 11))
                    .statusCode());
        }
        String comment = StrictJson.write(StrictJson.object().put("v", TRICKY)).replace("{\"v\":", "").replace("}", "");
        assertEquals(202, api.postFeedback("""
                {"externalId":"+1-1","channel":"kiosk","surveyId":"post-service","submittedAt":"%sT23:00:00Z",
                 "answers":[{"questionId":"nps","type":"nps","value":10},{"questionId":"comment","type":"text","value":%s}]}"""
                .formatted(last, comment)).statusCode());
        assertEquals(202, api.postFeedback("""
                {"externalId":"outside","channel":"web","submittedAt":"%sT12:00:00Z","answers":[{"questionId":"nps","type":"nps","value":5}]}"""
                .formatted(first.minusDays(1))).statusCode());
        FeedbackPipelineIT.drain(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @Test
    void jsonPages_holdEveryResponseInRangeExactlyOnce() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> response = api.get("/v1/responses?from=" + first + "&to=" + last + "&limit=7"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = StrictJson.read(response.body());
            page.get("responses").forEach(r -> seen.add(r.get("externalId").asText()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (cursor != null && pages < 100);
        assertEquals(46, seen.size());
        Set<String> unique = new HashSet<>(seen);
        assertEquals(46, unique.size(), "no response twice");
        assertTrue(!unique.contains("outside"), "nothing from outside the range");
        assertEquals(400, api.get("/v1/responses?cursor=forged").statusCode());
    }

    @Test
    void newestFirst_isTheSameResponsesInReverse_pageByPage() {
        List<String> oldest = allPages("");
        List<String> newest = allPages("&order=newest");
        assertEquals(46, newest.size());
        Collections.reverse(oldest);
        assertEquals(oldest, newest, "newest first, every response once");
    }

    private static List<String> allPages(String order) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            HttpResponse<String> response = api.get("/v1/responses?from=" + first + "&to=" + last + "&limit=7" + order
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = StrictJson.read(response.body());
            page.get("responses").forEach(r -> ids.add(r.get("id").asText()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null && ids.size() < 1000);
        return ids;
    }

    @Test
    void csv_isUtf8WithQuotingAndDefusedFormulas() throws IOException {
        HttpResponse<String> response = api.get("/v1/responses?from=" + last + "&to=" + last + "&format=csv&limit=1000");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        String csv = response.body();
        assertEquals('\uFEFF', csv.charAt(0), "a byte-order mark so spreadsheets read UTF-8");
        assertTrue(csv.indexOf('\n') == csv.indexOf("\r\n") + 1 && csv.endsWith("\r\n"), "rows end in CRLF, as RFC 4180 asks");
        List<List<String>> rows = parse(csv.substring(1));
        assertEquals("responseId", rows.get(0).get(0));
        List<String> tricky = rows.stream().filter(r -> r.get(6).contains("+1-1")).findFirst().orElseThrow();
        assertEquals("'+1-1", tricky.get(6), "a cell a spreadsheet would compute is defused");
        assertEquals("kiosk", tricky.get(2));
        assertEquals("10", tricky.get(8));
        assertEquals("nps=10 | comment=" + TRICKY, tricky.get(12), "commas, quotes, newlines and Turkish letters survive");
        assertEquals(17, rows.size(), "a header, the 15 plain responses of that day and the tricky one");
    }

    @Test
    void csvWithSemicolons_asATurkishSpreadsheetOpensIt_holdsTheSameCells() throws IOException {
        String comma = api.get("/v1/responses?from=" + last + "&to=" + last + "&format=csv&limit=1000").body();
        HttpResponse<String> response = api.get("/v1/responses?from=" + last + "&to=" + last + "&format=csv&separator=semicolon&limit=1000");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("\uFEFFresponseId;answeredAt;channel;"), response.body());
        assertEquals(parse(comma.substring(1)), parse(response.body().substring(1), ';'), "cell for cell the comma file's");
        assertEquals(400, api.get("/v1/responses?format=csv&separator=tab").statusCode());
    }

    /** The file as a spreadsheet reads it: Jackson's CSV parser, every row an array of text. */
    private static List<List<String>> parse(String csv) throws IOException {
        return parse(csv, ',');
    }

    private static List<List<String>> parse(String csv, char separator) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator)).readValues(csv)) {
            return rows.readAll();
        }
    }
}
