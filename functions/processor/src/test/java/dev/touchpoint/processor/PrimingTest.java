package dev.touchpoint.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.SendOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A prime that cannot reach its services must not fail the snapshot: it says so and the snapshot goes on. */
class PrimingTest {

    @Test
    void primingWithTheDatabaseUnreachable_isReportedAndDoesNotThrow() {
        Environment env = Environment.of(Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9", Setting.TABLE.variable(), "t", Setting.DLQ_URL.variable(), "http://127.0.0.1:9/q",
                Setting.SURVEY_TOKEN_KEY.variable(), "priming-test-key-0123456789abcdef"));
        Priming.beforeSnapshot("processor (test)", () -> ProcessorWiring.prime(env, ProcessorWiring.build(env, (c, p, t, x) -> new SendOutcome.Sent(null))));

        List<Priming.Outcome> outcomes = Priming.runAll().stream().filter(o -> o.what().equals("processor (test)")).toList();

        assertEquals(1, outcomes.size());
        assertEquals("SdkClientException", outcomes.get(0).failure(), "reported, not thrown");
    }
}
