package dev.touchpoint.local;

import dev.touchpoint.aws.apigateway.ApiKeys;
import dev.touchpoint.contract.config.Setting;
import java.net.BindException;
import java.time.LocalDate;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar local/target/touchpoint-local.jar [--port N] [--in-memory]}: starts the suite, prints
 * where it answers and the API key it accepts, and on Ctrl-C stops cleanly (see {@link LocalRuntime#close()}).
 * {@code --new-api-key [name]} prints a new API key and the salted hash to configure for it.
 */
public final class LocalMain {

    private LocalMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--new-api-key")) {
            printNewApiKey(args.length > 1 ? args[1] : LocalDate.now().toString());
            return;
        }
        LocalConfig config;
        try {
            config = LocalConfig.from(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("touchpoint-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        long started = System.nanoTime();
        LocalRuntime runtime;
        try {
            runtime = LocalRuntime.start(config);
        } catch (LocalStartFailure e) {
            System.err.println("touchpoint-local: " + e.getMessage());
            System.exit(1);
            return;
        } catch (BindException e) {
            System.err.println("touchpoint-local: port " + config.port() + " is taken; choose another with --port N (or " + Setting.PORT.variable() + ")");
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping: finishing requests and draining the queue…");
            try {
                runtime.close();
                System.out.println("Stopped cleanly.");
            } catch (Exception e) {
                System.err.println("Stopped with an error: " + e.getClass().getName());
            } finally {
                stopped.countDown();
            }
        }, "touchpoint-shutdown"));
        printBanner(runtime, (System.nanoTime() - started) / 1_000_000);
        stopped.await();
    }

    /**
     * {@code java -jar touchpoint-local.jar --new-api-key [name]}: a new random API key, and the salted hash
     * to configure ({@code TOUCHPOINT_API_KEY_HASHES}, or {@code -c apiKeyHashes=…} for the CDK app). The key
     * is shown once and stored nowhere: give it to the system that calls the API.
     */
    private static void printNewApiKey(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,40}")) {
            System.err.println("touchpoint-local: a key name is 1 to 40 of A-Z a-z 0-9 . _ -");
            System.exit(2);
        }
        String key = ApiKeys.newKey();
        System.out.println("API key (give it to the caller; it is stored nowhere): " + key);
        System.out.println("Salted hash (configure it; add it to the list to rotate): "
                + ApiKeys.hash(name, key).configurationEntry());
    }

    private static void printBanner(LocalRuntime runtime, long startMillis) {
        LocalConfig config = runtime.config();
        String base = runtime.baseUrl();
        System.out.println("Touchpoint local runtime is up in " + startMillis + " ms");
        System.out.println("  dashboard " + base + "/   (paste the API key into it)");
        System.out.println("  API       " + base + "/v1/feedback   (POST)   " + base + "/v1/profiles?email=…   (GET)");
        System.out.println("            answers are stored asynchronously: a profile appears a moment after its 202");
        System.out.println("  health    " + base + "/_local/health");
        System.out.println("  invoke    " + base + "/_local/invoke/<function>   (POST a raw AWS event: events/ has samples)");
        System.out.println("            " + String.join(" ", runtime.functionNames()));
        System.out.println("  outbox    " + base + "/_local/outbox   (what email, SMS and alerts would have sent)");
        System.out.println("  API key   " + config.apiKey() + (config.apiKeyGenerated()
                ? "   (generated; set " + Setting.API_KEY.variable() + " to choose one)" : "   (from " + Setting.API_KEY.variable() + ")"));
        System.out.println("  data      " + (config.inMemory() ? "in memory (gone when stopped)" : config.dataDir().toAbsolutePath()));
        System.out.println("  mail in   " + runtime.inboundMailDirectory().toAbsolutePath()
                + "   (an emailed reply's <id>.eml; then invoke ingest-email with events/ses/receipt-reply.json)");
        String webhooks = config.passThrough().getOrDefault(Setting.WEBHOOK_URLS.variable(), "");
        if (!webhooks.isBlank()) {
            System.out.println("  webhooks  " + webhooks.replaceAll("=[^,]*", "") + "   (signed with " + Setting.WEBHOOK_SECRET.variable() + ")");
        }
        if (config.externalEndpoint() != null) {
            System.out.println("  AWS       " + config.externalEndpoint() + " (AWS_ENDPOINT_URL)");
        }
        System.out.println("Press Ctrl-C to stop.");
    }
}
