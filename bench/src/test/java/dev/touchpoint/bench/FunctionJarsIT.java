package dev.touchpoint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.touchpoint.local.embedded.EmbeddedDynamoDb;
import dev.touchpoint.local.embedded.EmbeddedSqs;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What CDK deploys is each function's shaded jar, not the modules the other tests load: here every
 * jar the bench starts, unpacked as Lambda unpacks it, handles a real event in a fresh JVM with its
 * real clients pointed at the embedded services, and answers as it should. A class left out of a jar
 * (a shading filter, a service file) fails here, not in AWS. Nothing is timed.
 */
class FunctionJarsIT {

    /** What each function must answer its event: an HTTP status, or an SQS batch with no failures. */
    private static final Map<String, String> EXPECTED = Map.of(
            "ingest-api", "202", "reporting-api", "200", "survey-web", "200", "ingest-meta", "200", "ingest-twilio", "200",
            "processor", "no failures", "closed-loop", "no failures");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedDynamoDb dynamo;
    private static EmbeddedSqs sqs;
    private static StandInServices standIns;
    private static ColdStarts jvms;
    private static List<ColdStarts.Subject> subjects;

    @BeforeAll
    static void start() throws Exception {
        dynamo = EmbeddedDynamoDb.start(null);
        sqs = EmbeddedSqs.start();
        standIns = new StandInServices();
        Path root = Path.of("..").toAbsolutePath().normalize();
        jvms = new ColdStarts(Bench.functionEnvironment(dynamo, sqs, standIns), 1);
        subjects = Bench.subjects(root, root.resolve("bench/target/function-jars-it"));
    }

    @AfterAll
    static void stop() throws Exception {
        standIns.close();
        sqs.close();
        dynamo.close();
    }

    @Test
    void everyFunctionJar_handlesItsEventInAFreshJvm() throws Exception {
        for (ColdStarts.Subject subject : subjects) {
            if (subject.name().equals("hello-world")) {
                continue;
            }
            int publishedBefore = standIns.published();
            int servedBefore = standIns.served();
            String answer = jvms.answer(subject);
            assertNotNull(answer, subject.name() + " printed no answer");
            if (subject.name().equals("closed-loop")) {
                assertEquals(publishedBefore + 1, standIns.published(), "closed-loop published its detractor alert to SNS");
            }
            String expected = EXPECTED.get(subject.name());
            if (subject.name().equals("ingest-email")) {
                // It answers how many messages it queued: the customer's reply, read from the S3 stand-in.
                assertEquals("1", answer, "ingest-email answered " + answer);
                assertEquals(servedBefore + 1, standIns.served(), "ingest-email read its received mail from S3");
                continue;
            }
            if (expected == null) {
                continue; // SNS and schedule handlers answer nothing; handling without an exception is the check
            }
            JsonNode json = JSON.readTree(answer);
            String got = expected.equals("no failures")
                    ? (json.path("batchItemFailures").isEmpty() ? "no failures" : json.path("batchItemFailures").toString())
                    : json.path("statusCode").asText();
            assertEquals(expected, got, subject.name() + " answered " + answer);
        }
    }

    /**
     * Each function's SnapStart primes, run in a fresh JVM on its deployable jar: all succeed, so the
     * sample events they walk through are in the jar (events/README.md). In Lambda a failed prime is
     * only logged, and the snapshot taken all the same, slower to restore.
     */
    @Test
    void everyFunctionJar_primesWithoutAFailure() throws Exception {
        for (ColdStarts.Subject subject : subjects) {
            if (subject.name().equals("hello-world") || subject.name().equals("survey-dispatcher")) {
                continue; // hello world is no function; the dispatcher registers no prime
            }
            String primed = jvms.primes(subject);
            assertNotNull(primed, subject.name() + " ran no primes");
            assertEquals("-", primed.substring(primed.indexOf(' ') + 1), subject.name() + " primes: " + primed);
        }
    }
}
