package dev.touchpoint.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.delivery.DeliveryEventsWiring;
import dev.touchpoint.delivery.DeliveryReportProcessor;
import dev.touchpoint.dispatcher.SurveyDispatcherWiring;
import dev.touchpoint.domain.conversation.SendOutcome;
import dev.touchpoint.domain.invitation.InvitationDispatcher;
import dev.touchpoint.ingest.api.IngestApi;
import dev.touchpoint.ingest.api.IngestApiWiring;
import dev.touchpoint.local.embedded.EmbeddedDynamoDb;
import dev.touchpoint.local.embedded.SuiteResources;
import dev.touchpoint.processor.FeedbackBatchProcessor;
import dev.touchpoint.processor.ProcessorWiring;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a post-service survey by email costs in DynamoDB, as the write meter bills it, through the real
 * functions: the service event scheduled by the processor (for a customer seen before), the invitation
 * sent by survey-dispatcher, and one delivery report counted by delivery-events (SES reports a delivery,
 * and an open and a click when tracked, each counted the same way).
 */
final class WritesPerInvitation {

    private static final String TABLE = "touchpoint-bench-invitations";

    private WritesPerInvitation() {
    }

    static void measure(Path root, EmbeddedDynamoDb dynamo, Map<String, String> env, Map<String, Object> results) throws Exception {
        try (WriteMeter meter = new WriteMeter(dynamo.endpoint())) {
            Map<String, String> metered = new HashMap<>(env);
            metered.put("AWS_ENDPOINT_URL_DYNAMODB", meter.endpoint().toString());
            // A table of its own: invitations left due here must not reach the other parts' dispatcher.
            metered.put(Setting.TABLE.variable(), TABLE);
            Environment environment = Environment.of(metered);
            SuiteResources.createTable(DynamoDbClients.create(Environment.of(env)), TABLE);
            List<String> queued = new ArrayList<>();
            IngestApi ingest = IngestApiWiring.build(environment, message -> queued.add(QueueMessageCodec.encode(message)));
            FeedbackBatchProcessor processor = ProcessorWiring.build(environment, (channel, provider, to, text) -> new SendOutcome.Sent(null));
            List<String> sentInvitations = new ArrayList<>();
            InvitationDispatcher dispatcher = SurveyDispatcherWiring.build(environment, email -> {
                sentInvitations.add(email.invitationId());
                return "bench-ses-" + email.invitationId();
            }, sms -> { throw new IllegalStateException("the bench invites by email"); });
            DeliveryReportProcessor deliveries = DeliveryEventsWiring.build(environment);

            // A first service event makes the customer's profile; its invitation is the one sent and reported.
            scheduled(ingest, queued, processor, "bench-invitation-first");
            double[] sent = units(meter, () -> {
                if (dispatcher.run().sent() != 1) {
                    throw new IllegalStateException("the dispatcher did not send the bench invitation");
                }
            });
            String delivery = happenedNow(Files.readString(root.resolve("events/sns/ses-delivery.json")));
            double[] reported = units(meter, () -> {
                Map<String, Integer> outcome = deliveries.process(Priming.snsNotification(sesMessage(delivery, sentInvitations.get(0))), line -> { });
                if (outcome.getOrDefault("counted", 0) != 1) {
                    throw new IllegalStateException("the delivery report was not counted: " + outcome);
                }
            });
            // A later service event of the same, now known, customer: what scheduling costs on its own.
            double[] scheduled = units(meter, () -> scheduled(ingest, queued, processor, "bench-invitation-measured"));
            Bench.putUnits(results, "invitation.scheduled", scheduled);
            Bench.putUnits(results, "invitation.sent", sent);
            Bench.putUnits(results, "invitation.delivery_report", reported);
            System.out.printf("  units per email invitation (write / read): scheduled %.1f / %.1f, sent %.1f / %.1f, each delivery report %.1f / %.1f%n",
                    scheduled[0], scheduled[1], sent[0], sent[1], reported[0], reported[1]);
        }
    }

    /**
     * A service event of the bench customer through ingest-api's {@code POST /v1/interactions}, due now,
     * in a zone where it is midday (no quiet hours), then its queued message through the processor.
     */
    private static void scheduled(IngestApi ingest, List<String> queued, FeedbackBatchProcessor processor, String id) {
        String json = """
                {"id":"%s","type":"service.completed","occurredAt":"%s","touchpoint":"store-bench",
                 "customer":{"email":"invited@example.com","locale":"tr-TR","timeZone":"%s"},"delaySeconds":0,"channels":["email"]}"""
                .formatted(id, Instant.now().minusSeconds(5), zoneWhereItIsMidday());
        int status = ingest.handle(Priming.httpRequest("POST", "/v1/interactions",
                Map.of("content-type", "application/json", "x-api-key", "sample-api-key"), json), line -> { }).getStatusCode();
        if (status != 202) {
            throw new IllegalStateException("the service event was answered " + status);
        }
        SQSEvent event = SqsDeliveries.event(List.of(SqsDeliveries.firstDelivery(id, queued.remove(queued.size() - 1))));
        if (!processor.process(event, line -> { }).getBatchItemFailures().isEmpty()) {
            throw new IllegalStateException("the processor failed the bench service event");
        }
    }

    private static double[] units(WriteMeter meter, Runnable step) {
        double writes = meter.writeUnits();
        double reads = meter.readUnits();
        step.run();
        return new double[] {meter.writeUnits() - writes, meter.readUnits() - reads};
    }

    private static String zoneWhereItIsMidday() {
        int offset = Math.floorMod(12 - ZonedDateTime.now(ZoneOffset.UTC).getHour() + 12, 24) - 12;
        return offset == 0 ? "Etc/UTC" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
    }

    /** The sample notification's SES event, naming the message the dispatcher sent and its invitation (a tag). */
    private static String sesMessage(String notification, String invitationId) {
        String message = StrictJson.read(notification).get("Records").get(0).get("Sns").get("Message").asText();
        return message.replace("SAMPLE-SES-MESSAGE-ID", "bench-ses-" + invitationId)
                .replace("00000000-0000-0000-0000-000000000000", invitationId);
    }

    /** Counted on the day it happened: the sample's own date would mark a past day's kept report too. */
    private static String happenedNow(String sample) {
        return sample.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z",
                Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
