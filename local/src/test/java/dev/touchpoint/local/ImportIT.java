package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Call-centre and paper feedback by CSV: valid rows through the same pipeline, invalid ones named by row, every row once. */
class ImportIT {

    private static final String CSV = "\uFEFFexternalId,channel,touchpoint,surveyId,email,phone,customerExternalId,name,locale,submittedAt,nps,csat,ces,rating,comment\r\n"
            + "cc-1,call_centre,hotline,post-service,ayse.import@example.com,,,Ayşe,tr-TR,2026-11-20T10:00:00Z,9,,,,\"Çağrı hızlı, çözüm \"\"iyi\"\"\"\r\n"
            + "paper-1,,store-moda,,,05551110099,,,,,3,,,,\"Kasada bekledim\nİkinci satır\"\r\n"
            + "bad-1,fax,,,not-an-email,,,,,,11,,,,\r\n"
            + "bad-2,paper,,,,,,,,,,,,,\r\n"
            + "bad-3,call_centre,,post-service,can.import@example.com,,,,,,,5,,,yavaş\r\n";

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(Setting.API_KEY.variable(), "import-key")));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static JsonNode upload(String csv) {
        HttpResponse<String> response = api.post("/v1/imports", "text/csv", runtime.apiKey(), csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, response.statusCode(), response.body());
        return StrictJson.read(response.body());
    }

    private static List<String> pointers(JsonNode rejectedRow) {
        List<String> pointers = new ArrayList<>();
        rejectedRow.get("errors").forEach(error -> pointers.add(error.get("pointer").asText()));
        pointers.sort(null);
        return pointers;
    }

    @Test
    void import_acceptsValidRows_namesInvalidOnes_andTwiceIsStillOnce() {
        JsonNode result = upload(CSV);
        assertEquals(2, result.get("accepted").asInt());
        assertEquals(3, result.get("rejected").asInt());
        assertEquals(4, result.get("errors").get(0).get("row").asInt());
        assertEquals(List.of("/channel", "/email", "/nps"), pointers(result.get("errors").get(0)), "each error names its column");
        assertEquals(5, result.get("errors").get(1).get("row").asInt());
        assertEquals(List.of(""), pointers(result.get("errors").get(1)), "a row without answers is wrong as a whole");
        assertTrue(result.get("errors").get(1).get("errors").get(0).get("detail").asText().startsWith("The row answers nothing"));
        // A row naming its survey is checked against it: post-service asks no CSAT, and its NPS is required.
        assertEquals(6, result.get("errors").get(2).get("row").asInt());
        assertEquals(List.of("/csat", "/nps"), pointers(result.get("errors").get(2)), "the survey's misfits, by column");
        upload(CSV);

        JsonNode ayse = eventually("the call-centre row is on the profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=ayse.import@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null);
        FeedbackPipelineIT.drain(runtime);
        ayse = StrictJson.read(api.get("/v1/profiles?email=ayse.import@example.com").body());
        assertEquals(1, ayse.get("responses").size(), "an import sent twice counts once");
        JsonNode response = ayse.get("responses").get(0);
        assertEquals("call_centre", response.get("channel").asText());
        assertEquals("Çağrı hızlı, çözüm \"iyi\"", response.get("answers").get(1).get("value").asText());
        JsonNode paper = StrictJson.read(api.get("/v1/profiles?phone=05551110099").body());
        assertEquals("paper", paper.get("responses").get(0).get("channel").asText());
        assertEquals("Kasada bekledim\nİkinci satır", paper.get("responses").get(0).get("answers").get(1).get("value").asText());
    }

    @Test
    void aSpreadsheetsOwnFewColumns_import_andACommentSplitByAnUnquotedComma_isRefusedNotCut() {
        JsonNode result = upload("Email,NPS,Comment,channel\r\n"
                + "few.columns@example.com,8,Kısa bekleme,kiosk\r\n"
                + "split.comment@example.com,4,slow, very slow,kiosk\r\n");
        assertEquals(1, result.get("accepted").asInt(), result.toString());
        assertEquals(3, result.get("errors").get(0).get("row").asInt());
        assertTrue(result.get("errors").get(0).get("errors").get(0).get("detail").asText().contains("Cell 5"), result.toString());

        JsonNode profile = eventually("the row of four columns is on its profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=few.columns@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null);
        JsonNode response = profile.get("responses").get(0);
        assertEquals("kiosk", response.get("channel").asText());
        assertEquals(8, response.get("answers").get(0).get("value").asInt());
        assertEquals("Kısa bekleme", response.get("answers").get(1).get("value").asText());
        assertEquals(404, api.get("/v1/profiles?email=split.comment@example.com").statusCode(), "no half of a row is stored");
    }

    @Test
    void aSheetSavedWithSemicolons_asATurkishExcelSavesIt_imports() {
        JsonNode result = upload("\uFEFFEmail;NPS;Comment\r\n"
                + "semicolons@example.com;7;\"Temiz; hızlı, güler yüzlü\"\r\n");
        assertEquals(1, result.get("accepted").asInt(), result.toString());
        JsonNode profile = eventually("the semicolon row is on its profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=semicolons@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null);
        assertEquals("Temiz; hızlı, güler yüzlü", profile.get("responses").get(0).get("answers").get(1).get("value").asText());
    }

    @Test
    void rowsWithoutAChannel_takeTheImportsChannel() {
        HttpResponse<String> response = api.post("/v1/imports?channel=call_centre", "text/csv", runtime.apiKey(),
                "email,nps,channel\r\ncaller.import@example.com,6,\r\nkiosk.import@example.com,9,kiosk\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(202, response.statusCode(), response.body());
        JsonNode caller = eventually("the call-centre row is on its profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=caller.import@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null);
        assertEquals("call_centre", caller.get("responses").get(0).get("channel").asText());
        JsonNode kiosk = eventually("the kiosk row is on its profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=kiosk.import@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null);
        assertEquals("kiosk", kiosk.get("responses").get(0).get("channel").asText(), "a row's own channel wins");
        HttpResponse<String> fax = api.post("/v1/imports?channel=fax", "text/csv", runtime.apiKey(),
                "email,nps\r\na@example.com,9\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, fax.statusCode());
        assertTrue(fax.body().contains("/query/channel"), fax.body());
    }

    @Test
    void import_withAWrongHeaderOrType_isRefusedWhole() {
        HttpResponse<String> unknown = api.post("/v1/imports", "text/csv", runtime.apiKey(),
                "email,NPS score,comment\r\na@example.com,9,fine\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(400, unknown.statusCode());
        assertTrue(unknown.body().contains("we do not know: NPS score"), unknown.body());
        assertEquals(400, api.post("/v1/imports", "text/csv", runtime.apiKey(), "email,phone\r\na@example.com,\r\n".getBytes(StandardCharsets.UTF_8))
                .statusCode(), "a header without any answer column");
        assertEquals(415, api.post("/v1/imports", "application/json", runtime.apiKey(), "{}".getBytes(StandardCharsets.UTF_8)).statusCode());
        HttpResponse<String> open = api.post("/v1/imports", "text/csv", runtime.apiKey(),
                (CSV.lines().findFirst().orElseThrow() + "\r\np-1,,,,,,,,,,9,,,,fine\r\np-2,,,,,,,,,,3,,,,\"never closed\r\np-3,,,,,,,,,,8,,,,\r\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals(400, open.statusCode(), "a file the parser cannot read is refused whole");
        assertTrue(open.body().contains("malformed-csv") && open.body().contains("line 3"), open.body());
    }
}
