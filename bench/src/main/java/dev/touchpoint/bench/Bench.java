package dev.touchpoint.bench;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.local.embedded.EmbeddedDynamoDb;
import dev.touchpoint.local.embedded.EmbeddedSqs;
import dev.touchpoint.local.embedded.SuiteResources;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.joda.time.DateTime;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The benchmark suite ({@code bench/run.sh}): every figure measured side by side in one run on this
 * machine, printed as a table and written to {@code bench/target/bench/results.json}. Figures are
 * ratios that hold on a noisy machine, never test assertions. System properties: {@code bench.runs}
 * (cold starts per function, 5), {@code bench.events} (pipeline events, 20000).
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
        int runs = Integer.getInteger("bench.runs", 5);
        int events = Integer.getInteger("bench.events", 20_000);
        Map<String, Object> results = new LinkedHashMap<>();
        Path work = root.resolve("bench/target/bench");
        Set<String> only = Set.of(System.getProperty("bench.only", "cold,libraries,writes,warm,ceiling,reports,pipeline").split(","));
        try (EmbeddedDynamoDb dynamo = EmbeddedDynamoDb.start(null); EmbeddedSqs sqs = EmbeddedSqs.start();
             StandInServices standIns = new StandInServices()) {
            Map<String, String> env = functionEnvironment(dynamo, sqs, standIns);
            if (only.contains("cold")) {
                coldStarts(root, work, env, runs, results);
            }
            if (only.contains("libraries")) {
                LibraryCosts.measure(root, work, runs, results);
            }
            if (only.contains("writes")) {
                WritesPerResponse.measure(dynamo, env, results);
                WritesPerInvitation.measure(root, dynamo, env, results);
            }
            if (only.contains("warm")) {
                WarmLatency.measure(root, env, results);
                WarmIngest.measure(root, env, results);
                warmAsDeployed(root, work, env, results);
            }
            if (only.contains("ceiling")) {
                DatabaseCeiling.measure(env, results);
            }
            if (only.contains("reports")) {
                ReportTime.measure(env, results);
            }
        }
        sizes(root, results);
        if (only.contains("pipeline")) {
            for (String pollers : System.getProperty("bench.pollers", "1,4").split(",")) {
                PipelineRate.measure(events, Integer.parseInt(pollers.trim()), results);
            }
        }
        PipelineRate.shareOfCeiling(events, results);
        if (results.containsKey("write_units_per_response.known_customer") && results.containsKey("warm_p50_ms.ingest-api")) {
            CostModel.estimate(results);
            InvitationCost.estimate(results);
        }
        Report.print(results);
        Report.write(work.resolve("results.json"), results);
    }

    /** What every function is given: the embedded endpoints, the suite's table and queues, test secrets. */
    static Map<String, String> functionEnvironment(EmbeddedDynamoDb dynamo, EmbeddedSqs sqs, StandInServices standIns) {
        Map<String, String> env = new HashMap<>(Map.of(
                "AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "bench", "AWS_SECRET_ACCESS_KEY", "bench",
                "AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString(), "AWS_ENDPOINT_URL_SQS", sqs.endpoint().toString(),
                Setting.TABLE.variable(), SuiteResources.TABLE, Setting.API_KEY.variable(), "sample-api-key",
                Setting.PUBLIC_URL.variable(), "http://localhost:8080", Setting.SURVEY_TOKEN_KEY.variable(), "bench-survey-token-key-0123456789abcdef"));
        env.putAll(Map.of(Setting.TWILIO_AUTH_TOKEN.variable(), "bench-twilio", Setting.META_APP_SECRET.variable(), "bench-meta",
                Setting.META_VERIFY_TOKEN.variable(), "bench-verify", Setting.SENDER_EMAIL.variable(), "survey@bench.invalid",
                "AWS_ENDPOINT_URL_S3", standIns.endpoint().toString(), Setting.INBOUND_MAIL_BUCKET.variable(), StandInServices.BUCKET));
        // SNS as closed-loop reaches it in AWS, where the stack always gives it the alerts topic.
        env.putAll(Map.of("AWS_ENDPOINT_URL_SNS", standIns.endpoint().toString(), Setting.ALERTS_TOPIC_ARN.variable(), StandInServices.ALERTS_TOPIC));
        Environment environment = Environment.of(env);
        DynamoDbClient client = DynamoDbClients.create(environment);
        SqsClient queues = SqsClients.create(environment);
        SuiteResources.createTable(client, SuiteResources.TABLE);
        SuiteResources.Queues created = SuiteResources.createQueues(queues, 30, 8);
        env.put(Setting.QUEUE_URL.variable(), created.feedbackUrl());
        env.put(Setting.DLQ_URL.variable(), created.deadLetterUrl());
        env.put(Setting.CLOSED_LOOP_QUEUE_URL.variable(), created.closedLoopUrl());
        env.put(Setting.CLOSED_LOOP_DLQ_URL.variable(), created.closedLoopDeadLetterUrl());
        return env;
    }

    /** The functions that register no SnapStart prime (the dispatcher runs every minute, so it is rarely cold). */
    private static final Set<String> NOT_PRIMING = Set.of("survey-dispatcher");

    private static void coldStarts(Path root, Path work, Map<String, String> env, int runs, Map<String, Object> results) throws Exception {
        List<ColdStarts.Subject> subjects = withBaseline(onlyAskedFor(subjects(root, work)), work);
        ColdStarts cold = new ColdStarts(env, runs);
        recordColdStarts(cold.medians(subjects), "", "", results);
        withRuntimeArchive(cold, subjects, work, results);
        // What SnapStart priming saves the first event after a restore, for the functions that prime.
        for (ColdStarts.Subject subject : subjects) {
            if (subject.name().equals("hello-world")) {
                double plain = cold.medianFirstEvent(subject, false);
                results.put("first_event_ms_after_init.hello-world", round(plain));
                System.out.printf("  first event %-17s %8.0f ms after init (the floor)%n", subject.name(), plain);
            }
            if (!subject.name().equals("hello-world") && !NOT_PRIMING.contains(subject.name().replace("@before", ""))) {
                double plain = cold.medianFirstEvent(subject, false);
                double primed = cold.medianFirstEvent(subject, true);
                results.put("first_event_ms_after_init." + subject.name(), round(plain));
                results.put("first_event_ms_after_priming." + subject.name(), round(primed));
                System.out.printf("  first event %-17s %8.0f ms after init, %5.0f ms after priming%n", subject.name(), plain, primed);
            }
        }
        // What class-data sharing would buy, for the two busiest functions (docs/performance.md).
        for (ColdStarts.Subject subject : subjects) {
            if (subject.name().equals("ingest-api") || subject.name().equals("processor") || subject.name().equals("hello-world")) {
                double shared = cold.medianWithClassDataSharing(subject, work.resolve(subject.name() + ".jsa"));
                results.put("cold_start_ms_with_appcds." + subject.name(), round(shared));
                System.out.printf("  cold start %-18s %8.0f ms with an AppCDS archive%n", subject.name(), shared);
            }
        }
    }

    /**
     * Every function warm as deployed ({@link ColdStarts#warm}), on the event of its cold start: 200 events,
     * then 500 timed. Not the processor, whose event is a batch of new customers' responses: handled
     * again it would be recorded already, which is quicker; {@link WarmLatency} times it on fresh batches.
     */
    private static void warmAsDeployed(Path root, Path work, Map<String, String> env, Map<String, Object> results) throws Exception {
        ColdStarts jvms = new ColdStarts(env, 1);
        for (ColdStarts.Subject subject : onlyAskedFor(subjects(root, work))) {
            if (subject.name().equals("hello-world") || subject.name().equals("processor")) {
                continue;
            }
            double[] millis = jvms.warm(subject, 200, 500);
            results.put("warm_p50_ms_as_deployed." + subject.name(), round3(millis[0]));
            results.put("warm_p99_ms_as_deployed." + subject.name(), round3(millis[1]));
            System.out.printf("  warm as deployed: %-17s p50 %7.3f ms p99 %7.3f ms%n", subject.name(), millis[0], millis[1]);
        }
    }

    /**
     * The same cold starts, every JVM mapping a model of the archive of its own classes that Lambda's Java
     * runtime maps ({@link ColdStarts#runtimeArchive}): the floor it gives is stricter, since hello world's
     * start is mostly the runtime's serialisation library, which such an archive holds.
     */
    private static void withRuntimeArchive(ColdStarts cold, List<ColdStarts.Subject> subjects, Path work,
                                           Map<String, Object> results) throws Exception {
        Path archive = cold.runtimeArchive(subjects.stream().filter(subject -> subject.name().equals("hello-world")).findFirst().orElseThrow(),
                work.resolve("runtime-archive"));
        recordColdStarts(cold.mediansWithRuntimeArchive(subjects, archive), "_with_runtime_archive", " with the runtime's archive", results);
    }

    /** Each subject's median and its ratio to hello world's, under keys ending in {@code suffix}. */
    private static void recordColdStarts(Map<String, Double> medians, String suffix, String label, Map<String, Object> results) {
        double hello = medians.get("hello-world");
        medians.forEach((name, median) -> {
            results.put("cold_start_ms" + suffix + "." + name, round(median));
            if (!name.equals("hello-world")) {
                results.put("cold_start_ratio_to_hello_world" + suffix + "." + name, round(median / hello));
            }
            System.out.printf("  cold start %-18s %8.0f ms%s%n", name, median, label);
        });
    }

    /**
     * With {@code -Dbench.baseline=<checkout>} (a git worktree of the commit before a change, its jars
     * built), each function also as that checkout built it, named {@code <function>@before}, measured in
     * the same rounds: a change's before and after side by side in one run, on the same machine load.
     */
    private static List<ColdStarts.Subject> withBaseline(List<ColdStarts.Subject> subjects, Path work) throws Exception {
        String baseline = System.getProperty("bench.baseline", "");
        if (baseline.isBlank()) {
            return subjects;
        }
        String probe = probeClasspath();
        List<ColdStarts.Subject> both = new ArrayList<>(subjects);
        for (ColdStarts.Subject now : subjects) {
            if (!now.name().equals("hello-world")) {
                Path jar = Path.of(baseline).resolve("functions").resolve(now.name()).resolve("target").resolve(now.name() + ".jar");
                Path task = ColdStarts.extract(jar, work.resolve("baseline").resolve(now.name()));
                both.add(new ColdStarts.Subject(now.name() + "@before", task + File.pathSeparator + probe, jar + File.pathSeparator + probe,
                        probe + File.pathSeparator + task, now.handler(), now.eventClass(), now.event()));
            }
        }
        return both;
    }

    /**
     * The subjects {@code bench.cold.subjects} names (comma-separated; all when absent), hello world
     * always: the ratios need it. For trying a change on one or two functions in a couple of minutes.
     */
    private static List<ColdStarts.Subject> onlyAskedFor(List<ColdStarts.Subject> subjects) {
        String asked = System.getProperty("bench.cold.subjects", "");
        if (asked.isBlank()) {
            return subjects;
        }
        Set<String> names = new HashSet<>(List.of(asked.split(",")));
        names.add("hello-world");
        return subjects.stream().filter(subject -> names.contains(subject.name())).toList();
    }

    /**
     * Hello world and every function the bench starts, each with a real event (from {@code events/}, or
     * made from one), its deployable jar unpacked under {@code work}.
     */
    static List<ColdStarts.Subject> subjects(Path root, Path work) throws Exception {
        String probe = probeClasspath();
        Path events = root.resolve("events");
        Path made = work.resolve("events");
        String apiEvent = Files.readString(events.resolve("api-gateway/get-profile-by-email.json"));
        List<ColdStarts.Subject> subjects = new ArrayList<>();
        String api = "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent";
        String sqsEvent = "com.amazonaws.services.lambda.runtime.events.SQSEvent";
        String snsEvent = "com.amazonaws.services.lambda.runtime.events.SNSEvent";
        subjects.add(new ColdStarts.Subject("hello-world", probe, probe, probe, "dev.touchpoint.bench.HelloHandler", api,
                events.resolve("api-gateway/post-feedback.json")));
        subjects.add(function(root, work, probe, "ingest-api", "dev.touchpoint.ingest.api.IngestApiStreamHandler", api,
                events.resolve("api-gateway/post-feedback.json")));
        subjects.add(function(root, work, probe, "processor", "dev.touchpoint.processor.ProcessorStreamHandler", sqsEvent,
                events.resolve("sqs/feedback-batch.json")));
        subjects.add(function(root, work, probe, "reporting-api", "dev.touchpoint.reporting.ReportingApiStreamHandler", api,
                ColdStarts.write(made, "summary.json", apiEvent.replace("\"GET /v1/profiles\"", "\"GET /v1/reports/summary\"")
                        .replace("\"rawPath\": \"/v1/profiles\"", "\"rawPath\": \"/v1/reports/summary\"")
                        .replace("\"/v1/profiles\"", "\"/v1/reports/summary\"")
                        .replace("email=sample.customer%40example.com", "groupBy=channel")
                        .replace("\"email\": \"sample.customer@example.com\"", "\"groupBy\": \"channel\""))));
        subjects.add(function(root, work, probe, "survey-web", "dev.touchpoint.survey.web.SurveyWebStreamHandler", api,
                ColdStarts.write(made, "kiosk.json", apiEvent.replace("/v1/profiles", "/k/store-kadikoy")
                        .replace("\"GET /k/store-kadikoy\"", "\"GET /k/{touchpoint}\"")
                        .replace("email=sample.customer%40example.com", "").replace("\"email\": \"sample.customer@example.com\"", "\"x\": \"y\""))));
        // A customer's signed WhatsApp message, what the function handles all day (not the one-off subscription handshake).
        subjects.add(function(root, work, probe, "ingest-meta", "dev.touchpoint.ingest.meta.MetaWebhookStreamHandler", api,
                ColdStarts.write(made, "whatsapp-message.json", lambdaJson(WarmIngest.signedWhatsAppMessage(events, "bench-meta")))));
        subjects.add(function(root, work, probe, "ingest-twilio", "dev.touchpoint.ingest.twilio.TwilioWebhookStreamHandler", api,
                ColdStarts.write(made, "twilio-sms.json", lambdaJson(WarmIngest.signedTwilioSms(events, "bench-twilio",
                        "http://localhost:8080")))));
        subjects.add(function(root, work, probe, "ingest-email", "dev.touchpoint.ingest.email.EmailReplyHandler", "java.util.Map",
                events.resolve("ses/receipt-reply.json")));
        subjects.add(function(root, work, probe, "delivery-events", "dev.touchpoint.delivery.DeliveryEventsStreamHandler", snsEvent,
                events.resolve("sns/ses-delivery.json")));
        subjects.add(function(root, work, probe, "ingest-sms", "dev.touchpoint.ingest.sms.TwoWaySmsStreamHandler", snsEvent,
                events.resolve("sns/two-way-sms.json")));
        subjects.add(function(root, work, probe, "survey-dispatcher", "dev.touchpoint.dispatcher.SurveyDispatcherStreamHandler", "java.util.Map",
                ColdStarts.write(made, "schedule.json", "{\"source\":\"aws.scheduler\"}")));
        subjects.add(function(root, work, probe, "closed-loop", "dev.touchpoint.closedloop.ClosedLoopStreamHandler", sqsEvent,
                events.resolve("sqs/detractor-alert.json")));
        return subjects;
    }

    /** An event as Lambda's own serialisation library writes it. */
    private static String lambdaJson(APIGatewayV2HTTPEvent event) {
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        LambdaEventSerializers
                .serializerFor(APIGatewayV2HTTPEvent.class, Bench.class.getClassLoader())
                .toJson(event, json);
        return json.toString(StandardCharsets.UTF_8);
    }

    private static ColdStarts.Subject function(Path root, Path work, String probe, String name, String handler, String eventClass,
                                               Path event) throws IOException {
        Path jar = root.resolve("functions").resolve(name).resolve("target").resolve(name + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No " + jar + ": run ./mvnw package -DskipTests first (bench/run.sh does)");
        }
        Path task = ColdStarts.extract(jar, work.resolve("task").resolve(name));
        return new ColdStarts.Subject(name, task + File.pathSeparator + probe, jar + File.pathSeparator + probe,
                probe + File.pathSeparator + task, handler, eventClass, event);
    }

    /** The probe's classes and what Lambda's runtime brings: its serialisation library (which wants joda-time), core and events. */
    private static String probeClasspath() throws Exception {
        List<String> parts = new ArrayList<>();
        parts.add(Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        for (Class<?> type : List.of(LambdaEventSerializers.class,
                RequestHandler.class,
                APIGatewayV2HTTPEvent.class, DateTime.class)) {
            parts.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        return String.join(File.pathSeparator, parts);
    }

    private static void sizes(Path root, Map<String, Object> results) throws Exception {
        try (var dirs = Files.list(root.resolve("functions"))) {
            for (Path dir : dirs.sorted().toList()) {
                Path jar = dir.resolve("target").resolve(dir.getFileName() + ".jar");
                if (Files.isRegularFile(jar)) {
                    results.put("deployable_bytes." + dir.getFileName(), Files.size(jar));
                }
            }
        }
    }

    /** A write and a read figure under one name: {@code write_units_per_<what>} and {@code read_units_per_<what>}. */
    static void putUnits(Map<String, Object> results, String what, double[] writeAndRead) {
        results.put("write_units_per_" + what, round(writeAndRead[0]));
        results.put("read_units_per_" + what, round(writeAndRead[1]));
    }

    static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** Three decimals, for figures below a millisecond. */
    static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
