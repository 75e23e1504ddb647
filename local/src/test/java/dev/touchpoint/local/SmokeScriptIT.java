package dev.touchpoint.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.contract.config.Setting;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * scripts/smoke.sh, the check docs/deploy.md runs after a deploy, against a running local runtime (the
 * same routes): it posts a feedback, reads it back and erases the test customer; a wrong key fails it.
 */
class SmokeScriptIT {

    @Test
    void theSmokeScript_passesOnAWorkingDeployment_andFailsWithAWrongKey() throws Exception {
        try (LocalRuntime runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"},
                Map.of(Setting.API_KEY.variable(), "smoke-key")))) {
            String url = "http://127.0.0.1:" + runtime.port();
            Run passed = smoke(url, "smoke-key");
            assertEquals(0, passed.exit(), passed.output());
            assertTrue(passed.output().contains("test customer erased"), passed.output());
            String profileId = passed.output().replaceAll("(?s).*on profile ([0-9a-f-]+).*", "$1");
            assertEquals(404, new LocalApi(runtime).get("/v1/profiles/" + profileId).statusCode(), "the smoke test leaves nobody behind");

            Run refused = smoke(url, "wrong-key");
            assertEquals(1, refused.exit(), refused.output());
            assertTrue(refused.output().contains("answered 401"), refused.output());
        }
    }

    private record Run(int exit, String output) {
    }

    private static Run smoke(String url, String key) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", Path.of("..", "scripts", "smoke.sh").toString(), url, key)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script ends");
        return new Run(process.exitValue(), output);
    }
}
