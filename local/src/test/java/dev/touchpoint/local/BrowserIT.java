package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a customer sees, in headless Chromium (Debian's chromium and chromium-driver, installed by
 * .ci/run): the hosted survey from an invitation email, the kiosk that resets itself, and the widget
 * on a shop's page of another origin. Each test saves a screenshot under target/screenshots/.
 */
class BrowserIT {

    private static final Pattern SURVEY_LINK = Pattern.compile("(http://[^/\\s]+/s/[a-z2-7]{52})");
    private static final String WIDGET_KEY = "pk_test_shop";

    private static LocalRuntime runtime;
    private static LocalApi api;
    private static HttpServer shop;
    private static CountingForwarder widgetTraffic;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        browser = Chromium.start("tr-TR,tr", 412, 915);
        shop = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        String shopOrigin = "http://127.0.0.1:" + shop.getAddress().getPort();
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "browser-key", Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1",
                Setting.PUBLISHABLE_KEYS.variable(), WIDGET_KEY + "=" + shopOrigin)));
        api = new LocalApi(runtime);
        // The widget reaches the runtime through a forwarder that counts its requests (a preflight included).
        widgetTraffic = new CountingForwarder(runtime.port());
        String page = """
                <!doctype html><html lang="tr"><head><meta charset="utf-8"><title>Shop</title></head>
                <body><h1>Sepetiniz</h1><p>Teşekkürler, siparişiniz alındı.</p>
                <script src="http://127.0.0.1:%d/widget.js?survey=post-service" data-key="%s" data-touchpoint="web-checkout"
                        data-lang="tr" async></script></body></html>""".formatted(widgetTraffic.port(), WIDGET_KEY);
        shop.createContext("/", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        shop.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (shop != null) {
            shop.stop(0);
        }
        if (widgetTraffic != null) {
            widgetTraffic.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private static WebDriverWait waiting() {
        return Chromium.waiting(browser);
    }

    private static void screenshot(String name) throws Exception {
        Chromium.screenshot(browser, name);
    }

    @Test
    void invitationEmailLink_opensTheSurveyWithTheScore_andRecordsTheAnswer() throws Exception {
        String invitationId = StrictJson.read(api.post("/v1/interactions", "application/json", runtime.apiKey(), """
                {"id":"browser-1","type":"service.completed","occurredAt":"%s","touchpoint":"store-moda",
                 "customer":{"email":"browser@example.com","locale":"tr-TR","timeZone":"%s"},"delaySeconds":0,"channels":["email"]}"""
                .formatted(Instant.now().minusSeconds(5), SurveyJourneyIT.zoneWhereTheHourIs(12))
                .getBytes(StandardCharsets.UTF_8)).body()).get("invitationId").asText();
        String text = eventually("the invitation is in the outbox", () -> StreamOutbox.textFor(runtime, invitationId), t -> t != null);
        Matcher link = SURVEY_LINK.matcher(text);
        assertTrue(link.find());

        browser.get(link.group(1) + "?score=9");
        assertTrue(browser.findElement(By.id("q_nps_9")).isSelected(), "the score clicked in the email is chosen");
        // The page posts the clicked score itself as it opens: recorded without pressing Send.
        waiting().until(d -> "recorded".equals(d.findElement(By.id("notice")).getAttribute("data-state")));
        assertTrue(browser.findElement(By.id("notice")).getText().startsWith("Puanınız kaydedildi"));
        JsonNode clicked = eventually("the clicked score is recorded", () -> {
            var response = api.get("/v1/profiles?email=browser@example.com");
            return response.statusCode() == 200 ? StrictJson.read(response.body()) : null;
        }, p -> p != null && p.get("responses").size() == 1);
        assertEquals(9, clicked.get("responses").get(0).get("answers").get(0).get("value").asInt());
        // Then the customer changes the score and adds a comment: the last answer counts.
        browser.findElement(By.cssSelector("label[for=q_nps_10]")).click();
        browser.findElement(By.id("q_comment")).sendKeys("Personel çok ilgiliydi");
        screenshot("survey-page");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        waiting().until(d -> d.findElement(By.cssSelector("[role=status]")).getText().startsWith("Teşekkürler"));
        screenshot("survey-thanks");
        JsonNode profile = eventually("the changed answer is recorded", () -> {
            var response = api.get("/v1/profiles?email=browser@example.com");
            return response.statusCode() == 200 ? StrictJson.read(response.body()) : null;
        }, p -> p != null && p.get("responses").get(0).path("changedAt").size() == 1);
        assertEquals(1, profile.get("responses").size(), "one invitation, one response");
        assertEquals(10, profile.get("responses").get(0).get("answers").get(0).get("value").asInt());
        assertEquals("Personel çok ilgiliydi", profile.get("responses").get(0).get("answers").get(1).get("value").asText());
        assertTrue(profile.get("timeline").toString().contains("response-changed"), "the timeline shows the change");
    }

    @Test
    void kiosk_takesAnAnonymousAnswer_thanks_andResetsItself() throws Exception {
        browser.get("http://127.0.0.1:" + runtime.port() + "/k/store-kadikoy");
        assertEquals("kiosk", browser.findElement(By.tagName("html")).getAttribute("class"));
        browser.findElement(By.cssSelector("label[for=q_nps_8]")).click();
        screenshot("kiosk");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("[role=status]")).isEmpty());
        assertTrue(browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("Teşekkürler"),
                "a Turkish browser gets the Turkish survey");
        screenshot("kiosk-thanks");

        waiting().until(d -> !d.findElements(By.cssSelector("form")).isEmpty());
        assertTrue(browser.findElements(By.cssSelector("input:checked")).isEmpty(), "the next customer starts blank");
        eventually("the kiosk answer is counted", () -> count("kiosk#store-kadikoy#post-service", "npsPassives") == 1);
    }

    @Test
    void widgetOnAShopPage_ofAnotherOrigin_submitsWithItsPublishableKey() throws Exception {
        browser.get("http://127.0.0.1:" + shop.getAddress().getPort() + "/");
        SearchContext widget = waiting().until(d -> d.findElement(By.cssSelector("[data-touchpoint-widget]")).getShadowRoot());
        widget.findElement(By.cssSelector(".open")).click();
        waiting().until(d -> !widget.findElements(By.cssSelector("button[data-question=nps]")).isEmpty());
        widget.findElements(By.cssSelector("button[data-question=nps]")).get(10).click();
        widget.findElement(By.cssSelector("textarea")).sendKeys("<script>alert(1)</script> hızlı ödeme");
        screenshot("widget");
        widget.findElement(By.cssSelector(".send")).click();

        waiting().until(d -> widget.findElement(By.cssSelector(".panel [role=status]")).getText().startsWith("Teşekkürler"));
        screenshot("widget-thanks");
        eventually("the widget answer is counted", () -> count("web#web-checkout#post-service", "npsPromoters") == 1);
        assertEquals(1, widgetTraffic.count("POST", "/v1/feedback"));
        assertEquals(0, widgetTraffic.count("OPTIONS", "/v1/feedback"),
                "no CORS preflight: it would cost a second request and invocation per answer, and a round trip");
        assertEquals(1, widgetTraffic.count("GET", "/widget.js"));
        assertEquals(0, widgetTraffic.count("GET", "/w/surveys/post-service"),
                "the survey came with the script: no request of its own when the visitor opens the widget");
    }

    private static long count(String cell, String counter) {
        return DailyCells.reported(runtime, cell, counter);
    }

    /** The text part of the email sent for an invitation, once it is in the outbox. */
    static final class StreamOutbox {
        static String textFor(LocalRuntime runtime, String invitationId) {
            for (JsonNode message : StrictJson.read(runtime.outbox().json())) {
                if (invitationId.equals(message.path("invitationId").asText())) {
                    return message.path("text").asText();
                }
            }
            return null;
        }
    }
}
