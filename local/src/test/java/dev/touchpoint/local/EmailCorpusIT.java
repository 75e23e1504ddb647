package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every reply of the email corpus (events/corpus/email: each mail client's format in Turkish and
 * English, out-of-office replies, delivery reports, an unsubscribe request) answering a real
 * invitation: stored as SES's receipt rule stores it, through ingest-email and the processor into
 * DynamoDB Local. A person's reply answers its invitation with the text they wrote; automatic mail is
 * on the thread and answers nothing, and nothing is sent back to it; an unsubscribe opts the address
 * out of email, silently.
 */
class EmailCorpusIT {

    /** The token the corpus files carry in their To address, replaced by each invitation's real one. */
    private static final String CORPUS_TOKEN = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalRuntime runtime;
    private static LocalApi api;
    private static final List<String[]> CASES = new ArrayList<>();
    private static final Map<String, String> INVITATIONS = new HashMap<>();

    @BeforeAll
    static void replyToEveryInvitation() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "email-corpus-key", Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1")));
        api = new LocalApi(runtime);
        new String(corpus("cases.tsv"), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .forEach(line -> CASES.add(line.split("\t", -1)));
        for (String[] row : CASES) {
            INVITATIONS.put(row[0], invite(row[2]));
        }
        for (String[] row : CASES) {
            String replyTo = eventually("the invitation to " + row[2] + " is sent", () -> outboxTo(row[2]), l -> !l.isEmpty())
                    .get(0).get("replyTo").asText();
            String token = replyTo.substring("reply+".length(), replyTo.indexOf('@'));
            String messageId = "corpus-" + row[0].replace(".eml", "");
            byte[] mail = new String(corpus(row[0]), StandardCharsets.ISO_8859_1).replace(CORPUS_TOKEN, token)
                    .getBytes(StandardCharsets.ISO_8859_1);
            Files.write(runtime.inboundMailDirectory().resolve(messageId + ".eml"), mail);
            String receipt = SampleEventsIT.sample("ses/receipt-reply.json").replace("SAMPLE-INBOUND-MESSAGE-ID", messageId)
                    .replace("customer@example.com", row[2]).replace("SAMPLETOKEN", token);
            assertEquals("\"1\"", invoke(receipt), row[0] + " is queued");
        }
        FeedbackPipelineIT.drain(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    @TestFactory
    Stream<DynamicTest> everyReply_becomesWhatItIs() {
        return CASES.stream().map(row -> DynamicTest.dynamicTest(row[0] + " (" + row[1] + ")", () -> check(row)));
    }

    private static void check(String[] row) {
        JsonNode profile = StrictJson.read(api.get("/v1/profiles?email=" + row[2]).body());
        JsonNode inbound = StreamSupport.stream(profile.get("thread").spliterator(), false)
                .filter(e -> e.get("direction").asText().equals("inbound")).findFirst().orElseThrow();
        assertEquals(row[1], inbound.get("kind").asText(), "kind");
        assertEquals(row[3].replace("\\n", "\n"), inbound.get("text").asText(), "the new text, as the customer wrote it");
        JsonNode responses = profile.get("responses");
        List<JsonNode> sent = outboxTo(row[2]);
        switch (row[1]) {
            case "message" -> {
                assertEquals(1, responses.size(), "the reply answers its invitation");
                assertEquals(2, sent.size(), "the next question or the thanks goes back: " + sent);
            }
            case "automatic" -> {
                assertEquals(0, responses.size(), "automatic mail answers nothing");
                assertEquals(1, sent.size(), "and nothing is sent back to it (a mail loop): " + sent);
            }
            default -> {
                assertEquals(List.of("email"), StreamSupport.stream(profile.get("consent").get("optedOut").spliterator(), false)
                        .map(JsonNode::asText).toList(), "the address is out of email");
                assertEquals(0, responses.size());
                assertEquals(1, sent.size(), "no survey reply: " + sent);
            }
        }
        assertEquals(INVITATIONS.get(row[0]), inbound.get("invitationId").asText(), "the message is on its invitation's thread");
    }

    /** The customer answers the survey from their other mailbox: the token proves the invitation was read, so it is theirs. */
    @Test
    void aReplyWithTheTokenFromAnotherAddress_joinsTheInvitedProfile() throws Exception {
        String invitationId = invite("first.mailbox@example.com");
        String token = tokenOfInvitationTo("first.mailbox@example.com");
        reply("other-mailbox", "Ayla <second.mailbox@example.com>", "second.mailbox@example.com", token, "9 - çok iyiydi");
        FeedbackPipelineIT.drain(runtime);

        JsonNode profile = StrictJson.read(api.get("/v1/profiles?email=first.mailbox@example.com").body());
        assertEquals(profile.get("id"), StrictJson.read(api.get("/v1/profiles?email=second.mailbox@example.com").body()).get("id"),
                "both addresses are one profile");
        assertEquals(1, profile.get("responses").size());
        assertEquals(invitationId, profile.get("thread").get(0).get("invitationId").asText(), "and one timeline");
    }

    /** A colleague answers a forwarded invitation from an address that is another known customer's: two people stay two. */
    @Test
    void aTokenNeverFusesTwoKnownCustomers() throws Exception {
        invite("boss@example.com");
        invite("colleague@example.com");
        String bossToken = tokenOfInvitationTo("boss@example.com");
        tokenOfInvitationTo("colleague@example.com");
        reply("forwarded", "Colleague <colleague@example.com>", "colleague@example.com", bossToken, "7");
        FeedbackPipelineIT.drain(runtime);

        assertNotEquals(StrictJson.read(api.get("/v1/profiles?email=boss@example.com").body()).get("id"),
                StrictJson.read(api.get("/v1/profiles?email=colleague@example.com").body()).get("id"));
    }

    /** A forwarder's rewritten envelope sender (SRS) is a server, not a person: it never becomes a profile. */
    @Test
    void aForwardersRewrittenSender_isNobody() throws Exception {
        invite("forwarded.customer@example.com");
        String token = tokenOfInvitationTo("forwarded.customer@example.com");
        String srs = "SRS0=Hk2j=XQ=example.com=forwarded.customer@forwarder.example";
        reply("srs", "Customer <forwarded.customer@example.com>", srs, token, "10");
        FeedbackPipelineIT.drain(runtime);

        assertEquals(1, StrictJson.read(api.get("/v1/profiles?email=forwarded.customer@example.com").body()).get("responses").size(),
                "the From address answered");
        assertEquals(404, api.get("/v1/profiles?email=" + srs).statusCode(), "the SRS address is nobody's");
    }

    private static String tokenOfInvitationTo(String email) {
        String replyTo = eventually("the invitation to " + email + " is sent", () -> outboxTo(email), l -> !l.isEmpty())
                .get(0).get("replyTo").asText();
        return replyTo.substring("reply+".length(), replyTo.indexOf('@'));
    }

    /** A plain reply from {@code from}, handed over by {@code envelope}, to the invitation with {@code token}; SPF and DKIM pass. */
    private static void reply(String messageId, String from, String envelope, String token, String text) throws Exception {
        Files.writeString(runtime.inboundMailDirectory().resolve(messageId + ".eml"), ("From: " + from + "\r\nTo: reply+" + token
                + "@reply.touchpoint.example\r\nSubject: Re: Moda\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n"));
        String receipt = SampleEventsIT.sample("ses/receipt-reply.json").replace("SAMPLE-INBOUND-MESSAGE-ID", messageId)
                .replace("customer@example.com", envelope).replace("SAMPLETOKEN", token);
        assertEquals("\"1\"", invoke(receipt));
    }

    private static String invite(String email) {
        return StrictJson.read(api.post("/v1/interactions", "application/json", runtime.apiKey(), """
                {"id":"mail-%s","type":"service.completed","occurredAt":"%s","customer":{"email":"%s","locale":"tr-TR",
                 "timeZone":"%s"},"delaySeconds":0,"channels":["email"]}""".formatted(email.replaceAll("[^a-z]", ""),
                Instant.now().minusSeconds(5), email, SurveyJourneyIT.zoneWhereTheHourIs(12)).getBytes(StandardCharsets.UTF_8)).body())
                .get("invitationId").asText();
    }

    private static List<JsonNode> outboxTo(String recipient) {
        return StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> recipient.equals(m.path("to").asText())).toList();
    }

    private static String invoke(String event) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/_local/invoke/ingest-email"))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static byte[] corpus(String name) throws IOException {
        try (InputStream in = EmailCorpusIT.class.getResourceAsStream("/events/corpus/email/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no corpus file " + name);
            }
            return in.readAllBytes();
        }
    }
}
