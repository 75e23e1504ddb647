package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard in headless Chromium against the local runtime with seeded data: the channel table and
 * the chart show the seeded numbers, a comment holding {@code <script>} shows as text, and the
 * manual-entry form records call-centre feedback; a CSV upload names the row it refused. Screenshot:
 * target/screenshots/dashboard.png.
 */
class DashboardIT {

    private static final String SCRIPT_COMMENT = "<script>document.title='pwned'</script> kargo geç";
    private static LocalRuntime runtime;
    private static LocalApi api;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start("en-US", 1280, 1400);
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(Setting.API_KEY.variable(), "dashboard-key")));
        api = new LocalApi(runtime);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        int n = 0;
        for (String channel : List.of("sms", "web", "kiosk")) {
            for (int day = 1; day <= 3; day++) {
                for (int score : List.of(10, 9, 3, 7)) {
                    api.postFeedback("""
                            {"externalId":"dash-%d","channel":"%s","surveyId":"post-service","submittedAt":"%sT10:00:00Z",
                             "answers":[{"questionId":"nps","type":"nps","value":%d}]}""".formatted(n++, channel, today.minusDays(day), score));
                }
            }
        }
        api.postFeedback("""
                {"externalId":"dash-xss","channel":"web","surveyId":"post-service",
                 "answers":[{"questionId":"nps","type":"nps","value":2},{"questionId":"comment","type":"text","value":"%s"}]}"""
                .formatted(SCRIPT_COMMENT.replace("'", "'")));
        FeedbackPipelineIT.drain(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    /** Clicks the dashboard's export button and reads the file the browser saves. */
    private static String export(WebDriver browser) throws Exception {
        Path downloads = Files.createTempDirectory("dashboard-downloads");
        ((ChromeDriver) browser).executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        browser.findElement(By.id("export")).click();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Path saved = downloads.resolve("touchpoint-responses-" + today.minusDays(29) + "_" + today + ".csv");
        // Chromium may show the file before it has written it (an empty file, or a .crdownload beside it): wait until it is whole.
        LocalApi.eventually("the browser saved the export", () -> whole(saved, downloads));
        return Files.readString(saved, StandardCharsets.UTF_8);
    }

    private static boolean whole(Path saved, Path downloads) {
        try (Stream<Path> files = Files.list(downloads)) {
            return Files.exists(saved) && Files.size(saved) > 0
                    && files.noneMatch(file -> file.getFileName().toString().endsWith(".crdownload"));
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aLongerPeriod_chartsWeeksOrMonths_onTheSameAxis() {
        signIn(browser, "Loaded.");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<LocalDate> seededDays = List.of(today.minusDays(3), today.minusDays(2), today.minusDays(1));

        new Select(browser.findElement(By.id("period"))).selectByValue("90");
        List<String> weeks = seededDays.stream().map(day -> String.format(Locale.ROOT, "%d-W%02d",
                day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))).distinct().toList();
        Chromium.waiting(browser).until(d -> smsTitle(d).startsWith("sms: " + weeks.get(0)));
        assertEquals(weeks.size(), xs(browser.findElement(By.cssSelector("#trend polyline[data-channel=sms]"))).size(), smsTitle(browser));

        new Select(browser.findElement(By.id("period"))).selectByValue("365");
        List<String> months = seededDays.stream().map(day -> YearMonth.from(day).toString()).distinct().toList();
        Chromium.waiting(browser).until(d -> smsTitle(d).startsWith("sms: " + months.get(0) + " "));
        assertEquals(months.size(), xs(browser.findElement(By.cssSelector("#trend polyline[data-channel=sms]"))).size(), smsTitle(browser));
        assertEquals("12", browser.findElement(By.cssSelector("#channels tr[data-channel=sms] td:nth-child(3)")).getText(),
                "the table is the year's: the same twelve SMS answers");
    }

    /** Opens the dashboard and loads it with the API key (typed afresh: a reload keeps the session's key in the field). */
    private static void signIn(WebDriver browser, String loaded) {
        browser.get("http://127.0.0.1:" + runtime.port() + "/");
        WebElement field = browser.findElement(By.id("api-key"));
        field.clear();
        field.sendKeys(runtime.apiKey());
        browser.findElement(By.cssSelector("#key-form button[type=submit]")).click();
        Chromium.waiting(browser).until(d -> d.findElement(By.id("status")).getText().equals(loaded));
    }

    private static String smsTitle(WebDriver browser) {
        return browser.findElement(By.cssSelector("#trend polyline[data-channel=sms] title")).getAttribute("textContent");
    }

    @Test
    void inTurkish_theExportIsSeparatedBySemicolons_asTurkishExcelReadsCsv() throws Exception {
        WebDriver turkish = Chromium.start("tr-TR,tr", 1280, 900);
        try {
            signIn(turkish, "Yüklendi.");
            assertEquals("Yanıtları indir (CSV)", turkish.findElement(By.id("export")).getText());
            String exported = export(turkish);
            assertTrue(exported.startsWith("\uFEFFresponseId;answeredAt;channel;"), exported);
            assertTrue(exported.contains(";sms;"), "the rows too: " + exported);

            // Turkish Excel's plain "CSV" is windows-1254, not UTF-8: its letters arrive as written.
            Path csv = Files.createTempFile("excel-tr", ".csv");
            Files.write(csv, "email;nps;comment\r\nkodsayfasi@example.com;9;Işık, ğ ş İ çok iyi\r\n".getBytes(Charset.forName("windows-1254")));
            turkish.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
            turkish.findElement(By.cssSelector("#import-form button[type=submit]")).click();
            Chromium.waiting(turkish).until(d -> d.findElement(By.id("entry-status")).getText()
                    .equals("İçe aktarıldı: 1 / 1 (kodlama: windows-1254)"));
            JsonNode profile = LocalApi.eventually("the windows-1254 row is recorded", () -> {
                var r = api.get("/v1/profiles?email=kodsayfasi@example.com");
                return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
            }, p -> p != null);
            assertEquals("Işık, ğ ş İ çok iyi", profile.get("responses").get(0).get("answers").get(1).get("value").asText());
        } finally {
            turkish.quit();
        }
    }

    /** The x coordinate of each point of a chart line. */
    private static List<String> xs(WebElement line) {
        return Arrays.stream(line.getAttribute("points").split(" ")).map(point -> point.split(",")[0]).toList();
    }

    @Test
    void dashboard_showsTheSeededNumbers_rendersCommentsAsText_andRecordsManualEntry() throws Exception {
        signIn(browser, "Loaded.");

        JsonNode report = StrictJson.read(api.get("/v1/reports/summary?groupBy=channel").body());
        for (JsonNode group : report.get("groups")) {
            WebElement row = browser.findElement(By.cssSelector("#channels tr[data-channel='" + group.get("key").asText() + "']"));
            List<WebElement> cells = row.findElements(By.tagName("td"));
            JsonNode nps = group.get("nps");
            assertEquals(nps.get("score").asText() + " (" + nps.get("low").asText() + " … " + nps.get("high").asText() + ")",
                    cells.get(1).getText(), "NPS of " + group.get("key").asText() + " with its 95% interval, not ± around it");
            assertEquals(group.get("responses").asText(), cells.get(2).getText());
        }
        assertEquals(3, browser.findElements(By.cssSelector("#trend polyline")).size(), "one NPS line per channel");
        assertEquals(3, browser.findElement(By.cssSelector("#trend polyline[data-channel=sms]")).getAttribute("points").split(" ").length,
                "three days of SMS");
        List<String> smsDays = xs(browser.findElement(By.cssSelector("#trend polyline[data-channel=sms]")));
        List<String> webDays = xs(browser.findElement(By.cssSelector("#trend polyline[data-channel=web]")));
        assertEquals(4, webDays.size(), "three seeded days of web and today's comment");
        assertEquals(smsDays, webDays.subList(0, 3), "the same day stands at the same place on every channel's line");
        assertEquals("590", webDays.get(3), "today at the axis's end");

        WebElement comment = browser.findElement(By.cssSelector("#comments li.detractor .text"));
        assertEquals(SCRIPT_COMMENT, comment.getText(), "customer text shows as text");
        assertEquals("Touchpoint", browser.getTitle(), "and never runs");
        Chromium.screenshot(browser, "dashboard");

        // The export button hands the browser one CSV file of the last 30 days' responses: the file it saves.
        String exported = export(browser);
        assertTrue(exported.startsWith("\uFEFFresponseId,answeredAt,channel,"), "comma-separated for an en-US browser: " + exported);
        assertEquals(1 + 37, exported.split("\r\n").length, "the header and each of the 37 seeded responses");
        assertTrue(exported.contains(SCRIPT_COMMENT), "the comment as written");

        browser.findElement(By.id("entry-email")).sendKeys("caller@example.com");
        browser.findElement(By.id("entry-nps")).sendKeys("8");
        browser.findElement(By.id("entry-comment")).sendKeys("Telefonda hızlı çözüldü");
        browser.findElement(By.cssSelector("#entry-form button[type=submit]")).click();
        Chromium.waiting(browser).until(d -> d.findElement(By.id("entry-status")).getText().equals("Saved."));
        JsonNode caller = LocalApi.eventually("the call-centre entry is recorded", () -> {
            var r = api.get("/v1/profiles?email=caller@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("responses").size() == 1);
        assertEquals("call_centre", caller.get("responses").get(0).get("channel").asText());
        assertTrue(caller.get("responses").get(0).get("answers").get(1).get("value").asText().startsWith("Telefonda"));

        // A paper form's spreadsheet with its own few columns; the row whose comment an unquoted comma split is named.
        Path csv = Files.createTempFile("paper-forms", ".csv");
        Files.writeString(csv, "Email,NPS,Comment\r\npaper.form@example.com,10,Güler yüzlü\r\nsplit@example.com,5,geç, çok geç\r\n"
                + "eleven@example.com,11,\r\n");
        browser.findElement(By.id("import-file")).sendKeys(csv.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#import-form button[type=submit]")).click();
        Chromium.waiting(browser).until(d -> d.findElement(By.id("entry-status")).getText().equals("Imported: 1 / 3"));
        List<WebElement> refused = browser.findElements(By.cssSelector("#import-errors li"));
        assertTrue(refused.get(0).getText().startsWith("Row 3: Cell 4 holds text"), refused.get(0).getText());
        assertEquals("Row 4: nps: A nps answer must be an integer from 0 to 10.", refused.get(1).getText(), "the column at fault named");
        JsonNode imported = LocalApi.eventually("the imported row is recorded", () -> {
            var r = api.get("/v1/profiles?email=paper.form@example.com");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null);
        assertEquals("call_centre", imported.get("responses").get(0).get("channel").asText(), "the channel chosen in the form");

        // The agent finds the caller and answers; the reply goes by email and joins the timeline.
        browser.findElement(By.id("search-email")).sendKeys("caller@example.com");
        browser.findElement(By.cssSelector("#search-form button[type=submit]")).click();
        Chromium.waiting(browser).until(d -> d.findElement(By.id("reply-form")).isDisplayed());
        browser.findElement(By.id("reply-text")).sendKeys("Teşekkürler, <i>iyi günler</i>");
        browser.findElement(By.id("reply-author")).sendKeys("Deniz");
        // SMS first: the caller left no number, so the reply is refused and nothing is sent; then email.
        new Select(browser.findElement(By.id("reply-channel"))).selectByValue("sms");
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        Chromium.waiting(browser).until(d -> d.findElement(By.id("reply-status")).getText()
                .equals("Failed: The customer has no address on sms."));
        new Select(browser.findElement(By.id("reply-channel"))).selectByValue("email");
        browser.findElement(By.cssSelector("#reply-form button[type=submit]")).click();
        Chromium.waiting(browser).until(d -> d.findElement(By.id("reply-status")).getText().equals("Reply on its way by email"));
        JsonNode sent = LocalApi.eventually("the reply is in the outbox", () -> StreamSupport.stream(
                StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> m.path("kind").asText().equals("reply") && m.path("to").asText().equals("caller@example.com"))
                .findFirst().orElse(null), m -> m != null);
        assertEquals("Teşekkürler, <i>iyi günler</i>", sent.get("body").asText());
        Chromium.waiting(browser).until(d -> d.findElements(By.cssSelector("#timeline li.reply")).size() == 1);
        assertTrue(browser.findElement(By.cssSelector("#timeline li.reply")).getText().endsWith("email · Deniz · Teşekkürler, <i>iyi günler</i>"));
        Chromium.screenshot(browser, "dashboard-reply");
    }
}
