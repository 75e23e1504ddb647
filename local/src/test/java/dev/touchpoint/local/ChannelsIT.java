package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.WebhookSignatures;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Customers answering where they are: provider-shaped Twilio and Meta webhooks, signed as the
 * providers sign them, through the real handlers and the processor. A score by SMS and the comment by
 * WhatsApp are one response and one thread; STOP by SMS stops later SMS invitations.
 */
class ChannelsIT {

    private static final String TWILIO_TOKEN = "twilio-test-auth-token";
    private static final String META_SECRET = "meta-test-app-secret";
    private static final String VERIFY_TOKEN = "meta-verify-me";
    private static final String PHONE = "+905559876543";

    private static LocalRuntime runtime;
    private static LocalApi api;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(
                Setting.API_KEY.variable(), "channels-key", Setting.DISPATCH_INTERVAL_SECONDS.variable(), "1",
                Setting.TWILIO_AUTH_TOKEN.variable(), TWILIO_TOKEN, Setting.META_APP_SECRET.variable(), META_SECRET,
                Setting.META_VERIFY_TOKEN.variable(), VERIFY_TOKEN)));
        api = new LocalApi(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    static HttpResponse<String> twilio(Map<String, String> params, String signature) throws Exception {
        String body = params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/webhooks/twilio"))
                .header("content-type", "application/x-www-form-urlencoded").header("x-twilio-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> twilioSigned(Map<String, String> params) throws Exception {
        return twilio(params, WebhookSignatures.twilio(TWILIO_TOKEN, runtime.config().publicUrl() + "/webhooks/twilio", params));
    }

    /** Twilio's form body as the ordered parameters it signs. */
    static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : body.strip().split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    static HttpResponse<String> meta(String path, String json, String signature) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + path))
                .header("content-type", "application/json").header("x-hub-signature-256", signature)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> metaSigned(String path, String json) throws Exception {
        return meta(path, json, WebhookSignatures.meta(META_SECRET, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode profileByPhone() {
        HttpResponse<String> response = api.get("/v1/profiles?phone=" + URLEncoder.encode(PHONE, StandardCharsets.UTF_8));
        return response.statusCode() == 200 ? StrictJson.read(response.body()) : null;
    }

    private static List<JsonNode> outboxTo(String recipient) {
        return StreamSupport.stream(StrictJson.read(runtime.outbox().json()).spliterator(), false)
                .filter(m -> recipient.equals(m.path("to").asText())).toList();
    }

    private static String scheduleSms(String id) {
        return scheduleSms(id, PHONE);
    }

    private static String scheduleSms(String id, String phone) {
        return StrictJson.read(api.post("/v1/interactions", "application/json", runtime.apiKey(), """
                {"id":"%s","type":"service.completed","occurredAt":"%s","touchpoint":"store-bagdat",
                 "customer":{"phone":"%s","locale":"tr-TR","timeZone":"%s"},"delaySeconds":0,"channels":["sms"]}"""
                .formatted(id, Instant.now().minusSeconds(5), phone, SurveyJourneyIT.zoneWhereTheHourIs(12))
                .getBytes(StandardCharsets.UTF_8)).body()).get("invitationId").asText();
    }

    private static Map<String, AttributeValue> invitation(String id) {
        return runtime.dynamoDb().getItem(g -> g.tableName("touchpoint").key(Map.of(
                "PK", AttributeValue.fromS("INVITATION#" + id), "SK", AttributeValue.fromS("INVITATION")))).item();
    }

    @Test
    void scoreBySms_commentByWhatsapp_areOneResponseAndOneThread_thenStopEndsSmsInvitations() throws Exception {
        String first = scheduleSms("chan-1");
        JsonNode invite = eventually("the SMS invitation is sent", () -> outboxTo(PHONE), l -> !l.isEmpty()).get(0);
        assertTrue(invite.get("body").asText().endsWith("RET yazın."), invite.get("body").asText());

        assertEquals(200, twilioSigned(form(SampleEventsIT.sample("webhooks/twilio-sms.form"))).statusCode());
        JsonNode ask = eventually("the comment question comes back by SMS", () -> outboxTo(PHONE), l -> l.size() == 2).get(1);
        assertEquals("Bu puanı vermenizin başlıca nedeni nedir?", ask.get("body").asText());

        assertEquals(200, metaSigned("/webhooks/whatsapp", SampleEventsIT.sample("webhooks/whatsapp-text.json")).statusCode());
        JsonNode profile = eventually("both answers are in one response", ChannelsIT::profileByPhone,
                p -> p != null && p.get("responses").size() == 1 && p.get("responses").get(0).get("answers").size() == 2);
        JsonNode response = profile.get("responses").get(0);
        assertEquals(9, response.get("answers").get(0).get("value").asInt());
        assertEquals("Kargo çok hızlıydı", response.get("answers").get(1).get("value").asText());
        List<String> threadChannels = StreamSupport.stream(profile.get("thread").spliterator(), false)
                .filter(e -> e.get("direction").asText().equals("inbound")).map(e -> e.get("channel").asText()).toList();
        assertEquals(List.of("sms", "whatsapp"), threadChannels);
        eventually("the thank-you goes back on WhatsApp", () -> outboxTo("905559876543"), l -> !l.isEmpty());

        // A replayed webhook changes nothing.
        FeedbackPipelineIT.drain(runtime);
        int threadSize = profileByPhone().get("thread").size();
        assertEquals(200, twilioSigned(ProviderWebhooks.twilioSms("SM0001", PHONE, "9")).statusCode());
        FeedbackPipelineIT.drain(runtime);
        assertEquals(threadSize, profileByPhone().get("thread").size());
        assertEquals(2, profileByPhone().get("responses").get(0).get("answers").size());
        assertEquals(1, profileByPhone().get("responses").size());

        // STOP by SMS: confirmed once, and every later SMS invitation is dropped with its reason.
        assertEquals(200, twilioSigned(ProviderWebhooks.twilioSms("SM0002", PHONE, "stop")).statusCode());
        eventually("the opt-out is confirmed", () -> outboxTo(PHONE), l -> l.stream()
                .anyMatch(m -> m.path("body").asText().startsWith("Bu kanaldan artık mesaj almayacaksınız")));
        String later = scheduleSms("chan-2");
        eventually("the later invitation is dropped", () -> invitation(later) != null && !invitation(later).isEmpty()
                && "DROPPED".equals(invitation(later).get("status").s()));
        assertEquals("opted-out:sms", invitation(later).get("reason").s());
        assertTrue(!first.equals(later));

        // One view of the customer: consent per channel and one timeline across channels, by profile id.
        JsonNode byId = StrictJson.read(api.get("/v1/profiles/" + profileByPhone().get("id").asText()).body());
        assertEquals(List.of("sms"), StreamSupport.stream(byId.get("consent").get("optedOut").spliterator(), false)
                .map(JsonNode::asText).toList());
        List<String> kinds = StreamSupport.stream(byId.get("timeline").spliterator(), false)
                .map(e -> e.get("kind").asText() + ":" + e.get("channel").asText()).toList();
        assertEquals("invitation:sms", kinds.get(0), kinds.toString());
        assertTrue(kinds.containsAll(List.of("response:sms", "message:sms", "message:whatsapp", "reply:whatsapp")), kinds.toString());
        assertEquals(404, api.get("/v1/profiles/..%2F..%2Fetc%2Fpasswd").statusCode());
    }

    /** A WhatsApp Flow filled in answers the open invitation: its score field is the score, its text the comment, whole. */
    @Test
    void whatsappFlowAnswers_answerTheOpenInvitation_scoreAndComment() throws Exception {
        String phone = "+905551110013";
        String invitationId = scheduleSms("chan-flow", phone);
        eventually("the SMS invitation is sent", () -> outboxTo(phone), l -> !l.isEmpty());
        assertEquals(200, metaSigned("/webhooks/whatsapp", SampleEventsIT.sample("corpus/whatsapp/flow-answers.json")).statusCode());
        JsonNode profile = eventually("the Flow's answers are one response", () -> StrictJson.read(api.get("/v1/profiles?phone=%2B905551110013").body()),
                p -> p.get("responses").size() == 1 && p.get("responses").get(0).get("answers").size() == 2);
        JsonNode response = profile.get("responses").get(0);
        JsonNode form = StreamSupport.stream(profile.get("thread").spliterator(), false)
                .filter(e -> e.get("kind").asText().equals("form")).findFirst().orElseThrow();
        assertEquals(invitationId, form.get("invitationId").asText(), "the Flow answered the open invitation");
        assertEquals("whatsapp", response.get("answeredVia").asText(), response.toString());
        assertEquals(3, response.get("answers").get(0).get("value").asInt());
        assertEquals("Kasada yirmi dakika bekledim", response.get("answers").get(1).get("value").asText());
    }

    @Test
    void teamReply_goesBackWhereTheCustomerWrote_once_andTheirAnswerOnAnotherChannelJoinsTheThread() throws Exception {
        String phone = "+905554443322";
        assertEquals(200, twilioSigned(ProviderWebhooks.twilioSms("SMteam0001", phone, "Kurye çok kabaydı")).statusCode());
        JsonNode before = eventually("the complaint is on the profile", () -> profileByPhone(phone),
                p -> p != null && p.get("responses").size() == 1);
        String profileId = before.get("id").asText();
        String reply = """
                {"id":"reply-team-1","responseId":"%s","text":"Özür dileriz, <b>hemen</b> ilgileniyoruz.","author":"Deniz"}"""
                .formatted(before.get("responses").get(0).get("id").asText());

        HttpResponse<String> accepted = api.post("/v1/replies", "application/json", runtime.apiKey(), reply.getBytes(StandardCharsets.UTF_8));
        assertEquals(202, accepted.statusCode(), accepted.body());
        assertEquals("sms", StrictJson.read(accepted.body()).get("channel").asText());
        JsonNode sent = eventually("the reply goes out by SMS through Twilio", () -> outboxTo(phone), l -> !l.isEmpty()).get(0);
        assertEquals("twilio", sent.get("provider").asText());
        assertEquals("Özür dileriz, <b>hemen</b> ilgileniyoruz.", sent.get("body").asText());
        // The dashboard retries with the same id: still one message to the customer.
        assertEquals(202, api.post("/v1/replies", "application/json", runtime.apiKey(), reply.getBytes(StandardCharsets.UTF_8)).statusCode());
        FeedbackPipelineIT.drain(runtime);
        assertEquals(1, outboxTo(phone).size());

        Map<String, String> whatsapp = ProviderWebhooks.twilioSms("SMteam0002", "whatsapp:" + phone, "Teşekkürler, sorun çözüldü");
        whatsapp.put("WaId", phone.substring(1));
        assertEquals(200, twilioSigned(whatsapp).statusCode());
        JsonNode after = eventually("the answer by WhatsApp joins the thread", () -> profileByPhone(phone),
                p -> p.get("thread").size() == 3);
        List<String> story = StreamSupport.stream(after.get("timeline").spliterator(), false)
                .filter(e -> !e.get("kind").asText().equals("response"))
                .map(e -> e.get("kind").asText() + ":" + e.get("channel").asText() + ":" + e.path("author").asText("")).toList();
        assertEquals(List.of("message:sms:", "reply:sms:Deniz", "message:whatsapp:"), story);

        // Now the customer wrote on WhatsApp: a reply may go there; not by email, which we do not know.
        assertEquals(202, postReply("{\"profileId\":\"" + profileId + "\",\"channel\":\"whatsapp\",\"text\":\"Rica ederiz\"}")
                .statusCode());
        HttpResponse<String> noEmail = postReply("{\"profileId\":\"" + profileId + "\",\"channel\":\"email\",\"text\":\"Merhaba\"}");
        assertEquals(409, noEmail.statusCode());
        assertEquals("application/problem+json", noEmail.headers().firstValue("content-type").orElse(""));
        assertEquals("no-address", StrictJson.read(noEmail.body()).get("reason").asText());
        // After STOP on SMS, an SMS reply is refused with its reason, and nothing more goes out by SMS.
        assertEquals(200, twilioSigned(ProviderWebhooks.twilioSms("SMteam0003", phone, "STOP")).statusCode());
        eventually("the opt-out is recorded", () -> profileByPhone(phone), p -> p.get("consent").get("optedOut").size() == 1);
        HttpResponse<String> optedOut = postReply("{\"profileId\":\"" + profileId + "\",\"channel\":\"sms\",\"text\":\"Merhaba\"}");
        assertEquals("opted-out", StrictJson.read(optedOut.body()).get("reason").asText(), optedOut.body());
        assertEquals(404, postReply("{\"profileId\":\"00000000-0000-4000-8000-000000000000\",\"text\":\"Merhaba\"}").statusCode());
        HttpResponse<String> invalid = postReply("{\"profileId\":\"" + profileId + "\",\"text\":\"\",\"cc\":\"x\"}");
        assertEquals(400, invalid.statusCode());
        assertEquals(List.of("/text", "/cc"), StreamSupport.stream(StrictJson.read(invalid.body()).get("errors").spliterator(), false)
                .map(e -> e.get("pointer").asText()).sorted(Comparator.reverseOrder()).toList());
    }

    private static HttpResponse<String> postReply(String json) {
        return api.post("/v1/replies", "application/json", runtime.apiKey(), json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode profileByPhone(String phone) {
        HttpResponse<String> response = api.get("/v1/profiles?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        return response.statusCode() == 200 ? StrictJson.read(response.body()) : null;
    }

    @Test
    void twoWaySms_throughSns_isUnsolicitedFeedbackOfThatNumber() throws Exception {
        String event = SampleEventsIT.sample("sns/two-way-sms.json").replace("+905559876543", "+905551230000");
        HttpResponse<String> invoked = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
                + "/_local/invoke/ingest-sms")).POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals("1", invoked.body());
        JsonNode profile = eventually("the SMS is on the sender's profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?phone=%2B905551230000");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("responses").size() == 1);
        assertEquals("sms", profile.get("responses").get(0).get("channel").asText());
        assertEquals("10", profile.get("responses").get(0).get("answers").get(0).get("value").asText());
    }

    @Test
    void emailReply_withScoreAndQuotedHistory_answersTheInvitationOnce_andSpamIsDropped() throws Exception {
        String email = "mail.reply@example.com";
        String invitationId = emailInvitation("chan-mail-1", email);
        String replyTo = replyToOfInvitationTo(email);
        receivedMail("inbound-mail-1", "Mail Reply <" + email + ">", replyTo, "quoted-printable", """
                8 - Personel =C3=A7ok ilgiliydi
                
                23 Kas 2026 tarihinde 10:20 saatinde Ma=C4=9Faza <survey@touchpoint.local> =C5=9Funu yazd=C4=B1:
                > Nas=C4=B1ld=C4=B1k?
                """);
        String event = sesReceipt("inbound-mail-1", email, replyTo);

        assertEquals("\"1\"", invoke("ingest-email", event));
        JsonNode answers = answersOfItsOneResponse("the reply answers the invitation", email);
        assertEquals(8, answers.get(0).get("value").asInt());
        assertEquals("Personel çok ilgiliydi", answers.get(1).get("value").asText());
        assertEquals("ANSWERED", invitation(invitationId).get("status").s());

        invoke("ingest-email", event);
        assertEquals("\"0\"", invoke("ingest-email", event.replaceFirst("(\"spamVerdict\":\\s*\\{\\s*\"status\":\\s*)\"PASS\"",
                "$1\"FAIL\"")), "a message SES judged spam is dropped");
        FeedbackPipelineIT.drain(runtime);
        assertEquals(1, StrictJson.read(api.get("/v1/profiles?email=" + email).body()).get("responses").size());
    }

    /**
     * Mail whose SPF and DKIM both fail could come from anyone: its From is a claim. It never joins the
     * known customer it names, and nothing is written back to that address.
     */
    @Test
    void emailFromAnUnauthenticatedSender_isAClaim_neverTheCustomers_andIsNotAnswered() throws Exception {
        String email = "spoofed.customer@example.com";
        assertEquals(202, api.postFeedback("""
                {"externalId":"known-spoof-1","channel":"call_centre","customer":{"email":"%s","name":"Known"},
                 "answers":[{"questionId":"nps","type":"nps","value":9}]}""".formatted(email)).statusCode());
        JsonNode known = eventually("the customer is known", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=" + email);
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null);
        receivedMail("inbound-spoof-1", email, "feedback@shop.example", "8bit", "STOP");
        String event = SampleEventsIT.sample("ses/receipt-reply.json").replace("SAMPLE-INBOUND-MESSAGE-ID", "inbound-spoof-1")
                .replace("customer@example.com", email).replace("reply+SAMPLETOKEN@", "feedback@")
                .replaceAll("(\"(spf|dkim)Verdict\":\\s*\\{\\s*\"status\":\\s*)\"PASS\"", "$1\"FAIL\"");

        assertEquals("\"1\"", invoke("ingest-email", event));
        FeedbackPipelineIT.drain(runtime);

        JsonNode after = StrictJson.read(api.get("/v1/profiles?email=" + email).body());
        assertEquals(known.get("id"), after.get("id"));
        assertEquals(0, after.get("consent").get("optedOut").size(), "a forged STOP does not opt the customer out");
        assertEquals(0, after.get("thread").size(), "the forged message is not on her thread");
        assertTrue(outboxTo(email).isEmpty(), "nothing is written back to the address");
    }

    /** A reply of 300 000 characters (a pasted log) passes neither SQS's nor DynamoDB's limit whole: its start answers. */
    @Test
    void emailReply_ofAVeryLongText_stillAnswers_withTheStartOfItsText() throws Exception {
        String email = "long.reply@example.com";
        emailInvitation("chan-mail-long", email);
        String replyTo = replyToOfInvitationTo(email);
        String log = "log line çok uzun ".repeat(300_000 / 18);
        receivedMail("inbound-mail-long", "Long Reply <" + email + ">", replyTo, "8bit", "6 " + log + "\n");
        assertEquals("\"1\"", invoke("ingest-email", sesReceipt("inbound-mail-long", email, replyTo)));
        JsonNode answers = answersOfItsOneResponse("the long reply answers the invitation", email);
        assertEquals(6, answers.get(0).get("value").asInt());
        assertTrue(log.startsWith(answers.get(1).get("value").asText()), "the comment is the start of what was written");
        assertTrue(answers.get(1).get("value").asText().length() > 4_900, "and nearly all an answer holds");
    }

    /** A customer's reply to the survey email, stored as SES's receipt rule stores it, under {@code name}. */
    private static void receivedMail(String name, String from, String replyTo, String transferEncoding, String body) throws IOException {
        Files.writeString(runtime.inboundMailDirectory().resolve(name + ".eml"), """
                From: %s
                To: %s
                Subject: Re: Son ziyaretinizle ilgili kisa bir soru
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: %s
                
                """.formatted(from, replyTo, transferEncoding) + body);
    }

    /** An email survey due at once for {@code email}; its invitation id. */
    private static String emailInvitation(String id, String email) {
        return StrictJson.read(api.post("/v1/interactions", "application/json", runtime.apiKey(), """
                {"id":"%s","type":"service.completed","occurredAt":"%s","customer":{"email":"%s","locale":"tr-TR",
                 "timeZone":"%s"},"delaySeconds":0,"channels":["email"]}""".formatted(id, Instant.now().minusSeconds(5), email,
                SurveyJourneyIT.zoneWhereTheHourIs(12)).getBytes(StandardCharsets.UTF_8)).body()).get("invitationId").asText();
    }

    /** The reply-to address of the first invitation email sent to {@code email}, once it is sent. */
    private static String replyToOfInvitationTo(String email) {
        return eventually("the invitation email is sent", () -> outboxTo(email), l -> !l.isEmpty()).get(0).get("replyTo").asText();
    }

    /** SES's receipt event (the sample) for a stored mail from {@code email} to {@code replyTo}. */
    private static String sesReceipt(String messageId, String email, String replyTo) throws IOException {
        String token = replyTo.substring("reply+".length(), replyTo.indexOf('@'));
        return SampleEventsIT.sample("ses/receipt-reply.json").replace("SAMPLE-INBOUND-MESSAGE-ID", messageId)
                .replace("customer@example.com", email).replace("SAMPLETOKEN", token);
    }

    /** The answers of the profile's one response, once it has a score and a comment. */
    private static JsonNode answersOfItsOneResponse(String what, String email) {
        return eventually(what, () -> {
            HttpResponse<String> r = api.get("/v1/profiles?email=" + email);
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("responses").size() == 1 && p.get("responses").get(0).get("answers").size() == 2)
                .get("responses").get(0).get("answers");
    }

    private static String invoke(String function, String event) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port() + "/_local/invoke/" + function))
                .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** U+FFFF is valid in an SMS's UTF-8 but refused raw by SQS: a webhook's message must still be queued and kept exactly. */
    @Test
    void smsWithAUnicodeNonCharacter_isFeedbackKeptExactly() throws Exception {
        String phone = "+905551239876";
        assertEquals(200, twilioSigned(ProviderWebhooks.twilioSms("SMnonchar0001", phone, "Harika \uFFFF hizmet")).statusCode());

        JsonNode profile = eventually("the SMS is the number's feedback", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?phone=" + URLEncoder.encode(phone, StandardCharsets.UTF_8));
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("responses").size() == 1);
        assertEquals("Harika \uFFFF hizmet", profile.get("responses").get(0).get("answers").get(0).get("value").asText());
    }

    /**
     * A lone surrogate is no character: a signed Meta POST whose text holds one (U+DC00, as JSON
     * may escape it) could never be queued or stored. Meta gets its 200, the message is counted unreadable,
     * and the other message of the same POST is kept.
     */
    @Test
    void whatsappTextWithALoneSurrogate_isCountedUnreadable_andItsNeighbourKept() throws Exception {
        long before = DailyCells.counter(runtime, "WEBHOOK#", "whatsapp#unreadable", "events");
        String json = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "contacts":[{"profile":{"name":"Ece"},"wa_id":"905551230001"}],
                  "messages":[{"from":"905551230001","id":"wamid.surrogate1","timestamp":"1700000000","type":"text","text":{"body":"iyi \\udc00"}},
                              {"from":"905551230002","id":"wamid.surrogate2","timestamp":"1700000000","type":"text","text":{"body":"çok iyi"}}]},
                  "field":"messages"}]}]}""";

        HttpResponse<String> response = metaSigned("/webhooks/whatsapp", json);

        assertEquals(200, response.statusCode(), response.body());
        eventually("the readable message is the other sender's feedback", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?phone=%2B905551230002");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("responses").size() == 1);
        FeedbackPipelineIT.drain(runtime);
        assertEquals(404, api.get("/v1/profiles?phone=%2B905551230001").statusCode(), "nothing of the unreadable message is kept");
        assertEquals(before + 1, DailyCells.counter(runtime, "WEBHOOK#", "whatsapp#unreadable", "events"));
        assertEquals(0, runtime.queueDepth(runtime.queues().deadLetterUrl()).total());
    }

    @Test
    void whatsappButtonReply_reachesTheThread_withTheSendersWhatsappId() throws Exception {
        assertEquals(200, metaSigned("/webhooks/whatsapp", SampleEventsIT.sample("webhooks/whatsapp-button-reply.json")).statusCode());
        JsonNode profile = eventually("the button reply is on the profile", () -> {
            HttpResponse<String> r = api.get("/v1/profiles?phone=%2B905551112299");
            return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
        }, p -> p != null && p.get("thread").size() >= 1);
        assertEquals("whatsapp", profile.get("thread").get(0).get("channel").asText());
        assertEquals("10", profile.get("thread").get(0).get("text").asText());
        assertTrue(StreamSupport.stream(profile.get("identities").spliterator(), false)
                .anyMatch(i -> i.get("type").asText().equals("whatsappId") && i.get("value").asText().equals("905551112299")));
    }

    @Test
    void wrongOrMissingSignature_is403_andEnqueuesNothing() throws Exception {
        FeedbackPipelineIT.drain(runtime);
        int items = runtime.dynamoDb().scan(s -> s.tableName("touchpoint").select(Select.COUNT)).count();

        assertEquals(403, twilio(ProviderWebhooks.twilioSms("SM9999", "+905550000001", "10"), "bm90IHRoZSBzaWduYXR1cmU=").statusCode());
        Map<String, String> tampered = ProviderWebhooks.twilioSms("SM9998", "+905550000001", "10");
        String signature = WebhookSignatures.twilio(TWILIO_TOKEN, runtime.config().publicUrl() + "/webhooks/twilio", tampered);
        tampered.put("Body", "0");
        assertEquals(403, twilio(tampered, signature).statusCode());
        String json = ProviderWebhooks.whatsappText("wamid.forged", "905550000001", "hello");
        assertEquals(403, meta("/webhooks/whatsapp", json, "sha256=" + "0".repeat(64)).statusCode());
        assertEquals(403, meta("/webhooks/whatsapp", json, "").statusCode());

        assertEquals(0, runtime.queueDepth(runtime.queues().feedbackUrl()).total());
        assertEquals(items, runtime.dynamoDb().scan(s -> s.tableName("touchpoint")
                .select(Select.COUNT)).count());
    }

    @Test
    void metaHandshake_andUnhandledEvents_areAnsweredAsMetaExpects() throws Exception {
        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
                + "/webhooks/whatsapp?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + VERIFY_TOKEN)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ok.statusCode());
        assertEquals("1158201444", ok.body());
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port()
                + "/webhooks/messenger?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=guess")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, wrong.statusCode());

        String statuses = """
                {"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"value":{"messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "statuses":[{"id":"wamid.sent1","status":"delivered","timestamp":"1700000000","recipient_id":"905559876543"}]},
                  "field":"messages"}]}]}""";
        assertEquals(200, metaSigned("/webhooks/whatsapp", statuses).statusCode());
        assertEquals(200, metaSigned("/webhooks/messenger", "{\"object\":\"instagram\",\"entry\":[]}").statusCode());
        assertEquals(1, DailyCells.counter(runtime, "WEBHOOK#", "whatsapp#status:delivered", "events"));
        assertEquals(1, DailyCells.counter(runtime, "WEBHOOK#", "meta#object:instagram", "events"));
    }

    /** A busy number's messages arrive batched in one POST (queued ten to an SQS request): each is one customer's feedback. */
    @Test
    void whatsappPost_withTwelveMessages_isTwelveCustomersFeedback() throws Exception {
        List<String> senders = IntStream.range(0, 12).mapToObj(i -> "9055512340" + (10 + i)).toList();
        String messages = senders.stream().map(from -> """
                {"from":"%s","id":"wamid.batch-%s","timestamp":"%d","text":{"body":"Harika hizmet"},"type":"text"}"""
                .formatted(from, from, Instant.now().getEpochSecond())).collect(Collectors.joining(","));
        String contacts = senders.stream().map(from -> "{\"profile\":{\"name\":\"Müşteri\"},\"wa_id\":\"" + from + "\"}")
                .collect(Collectors.joining(","));
        String json = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},
                  "contacts":[%s],"messages":[%s]},"field":"messages"}]}]}""".formatted(contacts, messages);

        assertEquals(200, metaSigned("/webhooks/whatsapp", json).statusCode());

        for (String from : senders) {
            eventually("+" + from + " has one response", () -> {
                HttpResponse<String> r = api.get("/v1/profiles?phone=" + URLEncoder.encode("+" + from, StandardCharsets.UTF_8));
                return r.statusCode() == 200 ? StrictJson.read(r.body()) : null;
            }, p -> p != null && p.get("responses").size() == 1);
        }
    }

    @Test
    void messengerMessage_withoutAnInvitation_isUnsolicitedFeedbackOnTheProfile() throws Exception {
        String json = SampleEventsIT.sample("webhooks/messenger-text.json");
        assertEquals(200, metaSigned("/webhooks/messenger", json).statusCode());

        eventually("the sender has a profile by their Messenger id", () -> {
            Map<String, AttributeValue> item = runtime.dynamoDb().getItem(g -> g.tableName("touchpoint").key(Map.of(
                    "PK", AttributeValue.fromS("IDENTITY#messengerId:24680135792468013"), "SK", AttributeValue.fromS("IDENTITY")))).item();
            return item != null && !item.isEmpty();
        });
        FeedbackPipelineIT.drain(runtime);
        long responses = runtime.dynamoDb().scan(s -> s.tableName("touchpoint").filterExpression("channel = :c AND entity = :e")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("messenger"), ":e", AttributeValue.fromS("response"))))
                .items().size();
        assertEquals(1, responses, "the echo of our own message is not feedback");
    }
}
