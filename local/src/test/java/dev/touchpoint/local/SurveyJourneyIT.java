package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A customer's survey journey on the local runtime: a service event, the invitation the dispatcher
 * sends (to the outbox: no SES here), the link opened and answered, consent and timing respected.
 * The dispatcher runs every second here, as EventBridge Scheduler runs it every minute in AWS.
 */
class SurveyJourneyIT {

    private static final Pattern SURVEY_LINK = Pattern.compile("http://[^/\\s]+/s/([a-z2-7]{52})");

    private static LocalRuntime runtime;
    private static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "journey-key", Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1",
                Setting.SENDER_EMAIL.variable(), "survey@shop.example")));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    /** A fixed-offset zone where the local time now is the given hour: tests do not depend on when CI runs. */
    static String zoneWhereTheHourIs(int hour) {
        int offset = Math.floorMod(hour - ZonedDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        return offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    private static String interaction(String id, String email, String timeZone, String channels) {
        return """
                {"id":"%s","type":"service.completed","occurredAt":"%s","touchpoint":"store-kadikoy",
                 "customer":{"email":"%s","locale":"tr-TR","timeZone":"%s"},"delaySeconds":0,"channels":%s}"""
                .formatted(id, Instant.now().minusSeconds(5), email, timeZone, channels);
    }

    private static String scheduled(String json) {
        HttpResponse<String> response = api.post("/v1/interactions", "application/json", runtime.apiKey(), json.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, response.statusCode(), response.body());
        return StrictJson.read(response.body()).get("invitationId").asText();
    }

    private static List<JsonNode> outboxFor(String invitationId) {
        JsonNode outbox = StrictJson.read(runtime.outbox().json());
        return StreamSupport.stream(outbox.spliterator(), false)
                .filter(m -> invitationId.equals(m.path("invitationId").asText())).toList();
    }

    private static Map<String, AttributeValue> invitationItem(String invitationId) {
        return runtime.dynamoDb().getItem(g -> g.tableName("touchpoint").key(Map.of(
                "PK", AttributeValue.fromS("INVITATION#" + invitationId), "SK", AttributeValue.fromS("INVITATION")))).item();
    }

    private static String statusOf(String invitationId) {
        Map<String, AttributeValue> item = invitationItem(invitationId);
        return item == null || item.isEmpty() ? "none" : item.get("status").s();
    }

    private static String formPost(String path, String form) {
        return api.post(path, "application/x-www-form-urlencoded", null, form.getBytes(StandardCharsets.UTF_8)).body();
    }

    @Test
    void serviceEvent_sendsAnEmail_whoseLinkRendersAndRecordsOneResponse() {
        String invitationId = scheduled(interaction("svc-journey-1", "ayse.journey@example.com", zoneWhereTheHourIs(12), "[\"email\"]"));

        JsonNode email = eventually("the invitation email is in the outbox", () -> outboxFor(invitationId), l -> !l.isEmpty()).get(0);
        assertEquals("ayse.journey@example.com", email.get("to").asText());
        assertEquals("Son ziyaretinizle ilgili kısa bir soru", email.get("subject").asText());
        assertEquals("List-Unsubscribe=One-Click", email.get("headers").get("List-Unsubscribe-Post").asText());
        assertTrue(email.get("headers").get("List-Unsubscribe").asText().contains("?unsubscribe=1"));
        Matcher link = SURVEY_LINK.matcher(email.get("text").asText());
        assertTrue(link.find(), email.get("text").asText());
        String token = link.group(1);
        assertEquals("reply+" + token + "@shop.example", email.get("replyTo").asText());

        HttpResponse<String> page = api.get("/s/" + token + "?score=9");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("önerme olasılığınız"), "the NPS question in Turkish");
        assertTrue(page.body().contains("value=\"9\" checked"), "the score clicked in the email is filled in");
        assertTrue(page.body().contains("name=\"q_comment\""));
        assertTrue(page.body().contains("data-send-score=\"9\""), "the page posts the score itself as it opens");
        api.get("/s/" + token + "?score=0");
        FeedbackPipelineIT.drain(runtime);
        assertEquals("SENT", statusOf(invitationId), "a bare GET (a mail scanner following the link) records nothing");

        String thanks = formPost("/s/" + token, "q_nps=3&q_comment=changed+my+mind");
        assertTrue(thanks.contains("Teşekkürler"), thanks);
        assertTrue(thanks.contains("değiştirebilirsiniz"), "the page says the answer may be changed: " + thanks);
        eventually("the invitation is answered", () -> statusOf(invitationId).equals("ANSWERED"));
        String again = api.get("/s/" + token).body();
        assertTrue(again.contains("value=\"3\" checked") && again.contains("changed my mind"), "the answer so far, to change");
        formPost("/s/" + token, "q_nps=9&q_comment=%C3%87ok+iyi");
        JsonNode profile = eventually("the last answer wins", () -> StrictJson.read(api.get("/v1/profiles?email=ayse.journey@example.com").body()),
                p -> p.get("responses").get(0).path("changedAt").size() == 1);
        assertEquals(1, profile.get("responses").size(), "a second submission is the same response");
        JsonNode response = profile.get("responses").get(0);
        assertEquals("email", response.get("channel").asText(), "an email invitation's answer counts under email");
        assertEquals("survey-page", response.get("answeredVia").asText(), "given on the link's page");
        assertEquals("post-service", response.get("surveyId").asText());
        assertEquals(9, response.get("answers").get(0).get("value").asInt());
        assertEquals("Çok iyi", response.get("answers").get(1).get("value").asText());
        assertEquals(1, DailyCells.reported(runtime, "email#store-kadikoy#post-service", "responded"));
        // The channel comparison: the email row's responses and its funnel's "responded" are the same answers.
        JsonNode report = StrictJson.read(api.get("/v1/reports/summary?groupBy=channel").body());
        JsonNode emailRow = StreamSupport.stream(report.get("groups").spliterator(), false)
                .filter(g -> g.get("key").asText().equals("email")).findFirst().orElseThrow();
        assertEquals(emailRow.get("funnel").get("responded").asLong(), emailRow.get("responses").asLong(), emailRow.toString());
        assertEquals(emailRow.get("funnel").get("responded").asLong(), emailRow.get("nps").get("promoters").asLong()
                + emailRow.get("nps").get("passives").asLong() + emailRow.get("nps").get("detractors").asLong());
        assertTrue(StreamSupport.stream(report.get("groups").spliterator(), false).noneMatch(g -> g.get("key").asText().equals("web")),
                "no invitation answer is counted as web");
    }

    @Test
    void optOutThenCooldownThenQuietHours_eachStopsTheSendWithItsReason() {
        String first = scheduled(interaction("svc-consent-1", "mehmet@example.com", zoneWhereTheHourIs(12), "[\"email\"]"));
        JsonNode email = eventually("the first invitation is sent", () -> outboxFor(first), l -> !l.isEmpty()).get(0);
        Matcher link = SURVEY_LINK.matcher(email.get("text").asText());
        assertTrue(link.find());

        // Inside the 30-day cooldown: the next service event sends nothing.
        String second = scheduled(interaction("svc-consent-2", "mehmet@example.com", zoneWhereTheHourIs(12), "[\"email\"]"));
        eventually("the second invitation is dropped", () -> statusOf(second).equals("DROPPED"));
        assertTrue(invitationItem(second).get("reason").s().startsWith("cooldown"), invitationItem(second).get("reason").s());

        // One-click unsubscribe from the mail client: the next one is dropped as opted out.
        formPost("/s/" + link.group(1), "List-Unsubscribe=One-Click");
        String third = scheduled(interaction("svc-consent-3", "mehmet@example.com", zoneWhereTheHourIs(12), "[\"email\"]"));
        eventually("the third invitation is dropped", () -> statusOf(third).equals("DROPPED"));
        assertEquals("opted-out:email", invitationItem(third).get("reason").s());
        assertEquals(0, outboxFor(second).size() + outboxFor(third).size());

        // Support can answer "why did she get no survey?": every decision is on her timeline and in her export.
        JsonNode mehmet = StrictJson.read(api.get("/v1/profiles?email=mehmet@example.com").body());
        List<String> decisions = StreamSupport.stream(mehmet.get("timeline").spliterator(), false)
                .filter(e -> e.get("kind").asText().equals("invitation"))
                .map(e -> e.get("status").asText() + (e.has("reason") ? " " + e.get("reason").asText().split(":")[0] : "")).toList();
        assertEquals(List.of("sent", "dropped cooldown", "dropped opted-out"), decisions);
        JsonNode export = StrictJson.read(api.get("/v1/profiles/" + mehmet.get("id").asText() + "/export").body());
        assertTrue(export.get("invitations").toString().contains("cooldown"), export.get("invitations").toString());

        // At 23:00 in her time zone, a new customer's invitation waits for the morning instead.
        String night = scheduled(interaction("svc-night-1", "night.owl@example.com", zoneWhereTheHourIs(23), "[\"email\"]"));
        eventually("the night invitation is deferred", () -> invitationItem(night) != null && !invitationItem(night).isEmpty()
                && invitationItem(night).containsKey("reason"));
        assertEquals("PENDING", statusOf(night));
        assertTrue(invitationItem(night).get("reason").s().startsWith("quiet-hours"));
        assertTrue(Instant.parse(invitationItem(night).get("dueAt").s()).isAfter(Instant.now().plusSeconds(8 * 3600)));
        assertEquals(0, outboxFor(night).size());
        JsonNode waiting = StreamSupport.stream(StrictJson.read(api.get("/v1/profiles?email=night.owl@example.com").body())
                .get("timeline").spliterator(), false).filter(e -> e.get("kind").asText().equals("invitation")).findFirst().orElseThrow();
        assertEquals("pending", waiting.get("status").asText());
        assertEquals(invitationItem(night).get("dueAt").s(), waiting.get("dueAt").asText(), "deferred until when");

        // And the report counts each decision by its reason, beside the funnel.
        JsonNode counted = eventually("the decisions are counted", () -> emailRow().get("decisions"),
                d -> d.get("dropped").path("opted-out").asLong() >= 1 && d.get("deferred").path("quiet-hours").asLong() >= 1);
        assertTrue(counted.get("dropped").path("cooldown").asLong() >= 1, counted.toString());
        assertTrue(counted.get("sent").asLong() >= 1, counted.toString());
    }

    private static JsonNode emailRow() {
        JsonNode report = StrictJson.read(api.get("/v1/reports/summary?groupBy=channel").body());
        return StreamSupport.stream(report.get("groups").spliterator(), false)
                .filter(g -> g.get("key").asText().equals("email")).findFirst().orElseThrow();
    }

    /**
     * A CRM's backfill: a service event 200 days old is kept on the customer's profile, dropped as too old,
     * and sends nothing; an event two days old is sent, its link living the survey's window from the send.
     */
    @Test
    void anOldServiceEvent_schedulesNothing_andALinkLivesFromItsSend() {
        String old = scheduled("""
                {"id":"svc-backfill-1","type":"service.completed","occurredAt":"%s","touchpoint":"store-kadikoy",
                 "customer":{"email":"backfill@example.com","timeZone":"%s"},"delaySeconds":0,"channels":["email"]}"""
                .formatted(Instant.now().minus(200, ChronoUnit.DAYS), zoneWhereTheHourIs(12)));
        eventually("the old event is dropped as too old", () -> statusOf(old).equals("DROPPED"));
        assertTrue(invitationItem(old).get("reason").s().startsWith("too-old"), invitationItem(old).get("reason").s());
        JsonNode timeline = StrictJson.read(api.get("/v1/profiles?email=backfill@example.com").body()).get("timeline");
        assertTrue(timeline.toString().contains("too-old"), "kept on the profile: " + timeline);

        String recent = scheduled("""
                {"id":"svc-backfill-2","type":"service.completed","occurredAt":"%s","touchpoint":"store-kadikoy",
                 "customer":{"email":"recent@example.com","timeZone":"%s"},"delaySeconds":0,"channels":["email"]}"""
                .formatted(Instant.now().minus(2, ChronoUnit.DAYS), zoneWhereTheHourIs(12)));
        eventually("the recent event's invitation is sent", () -> statusOf(recent).equals("SENT"));
        FeedbackPipelineIT.drain(runtime);
        assertEquals(0, outboxFor(old).size(), "nothing went to the backfilled customer");
        Instant sentAt = Instant.parse(invitationItem(recent).get("sentAt").s());
        assertEquals(sentAt.plus(72, ChronoUnit.HOURS), Instant.parse(invitationItem(recent).get("expiresAt").s()),
                "answerable for the survey's 72 hours from the send, not from the event two days ago");
        assertEquals(1, emailRow().get("decisions").get("dropped").get("too-old").asLong());
    }

    @Test
    void bounce_suppressesEmailForLaterInvitations_andDeliveriesCountOnce() throws Exception {
        String first = scheduled(interaction("svc-bounce-1", "gone@example.com", zoneWhereTheHourIs(12), "[\"email\"]"));
        JsonNode email = eventually("the first invitation is sent", () -> outboxFor(first), l -> !l.isEmpty()).get(0);
        String messageId = email.get("messageId").asText();

        String delivery = happenedNow(SampleEventsIT.sample("sns/ses-delivery.json")).replace("SAMPLE-SES-MESSAGE-ID", messageId)
                .replace("00000000-0000-0000-0000-000000000000", first);
        assertTrue(invoke("delivery-events", delivery).contains("\"counted\":1"));
        assertTrue(invoke("delivery-events", delivery).contains("\"repeated\":1"), "a redelivered notification counts nothing");
        String bounce = happenedNow(SampleEventsIT.sample("sns/ses-bounce.json")).replace("SAMPLE-SES-MESSAGE-ID", messageId)
                .replace("00000000-0000-0000-0000-000000000000", first);
        assertTrue(invoke("delivery-events", bounce).contains("\"suppressed\":1"));

        // A later survey for the same customer (past the cooldown is irrelevant: suppression comes first).
        String later = scheduled(interaction("svc-bounce-2", "gone@example.com", zoneWhereTheHourIs(12), "[\"email\"]"));
        eventually("the later invitation is dropped", () -> statusOf(later).equals("DROPPED"));
        assertEquals("suppressed:email", invitationItem(later).get("reason").s());
        assertEquals(1, DailyCells.reported(runtime, "email#store-kadikoy#post-service", "delivered"), "counted once although reported twice");
    }

    /**
     * The sample's times made now: a delivery is counted on the day it happened, and the report read
     * here covers today and yesterday, so the sample's own date (2026-11-23) would drop out of it.
     */
    private static String happenedNow(String sample) {
        return sample.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z",
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }

    private static String invoke(String function, String event) {
        HttpResponse<String> response = api.post("/_local/invoke/" + function, "application/json", null,
                event.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    @Test
    void dispatchersRunningAtOnce_sendEachInvitationOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(scheduled(interaction("svc-race-" + i, "race" + i + "@example.com", zoneWhereTheHourIs(12), "[\"email\",\"sms\"]")));
        }
        CyclicBarrier start = new CyclicBarrier(3);
        Callable<Integer> dispatch = () -> {
            start.await();
            return api.post("/_local/invoke/survey-dispatcher", "application/json", null, "{}".getBytes(StandardCharsets.UTF_8))
                    .statusCode();
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            List<Future<Integer>> runs = List.of(pool.submit(dispatch), pool.submit(dispatch), pool.submit(dispatch));
            for (Future<Integer> run : runs) {
                assertEquals(200, run.get());
            }
        }
        for (String id : ids) {
            eventually("invitation " + id + " is sent", () -> statusOf(id).equals("SENT"));
            assertEquals(1, outboxFor(id).size(), "exactly one message for " + id);
        }
    }
}
