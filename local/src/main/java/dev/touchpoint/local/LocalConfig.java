package dev.touchpoint.local;

import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.local.embedded.FreePort;
import dev.touchpoint.local.embedded.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How the local runtime is configured: the command line ({@code --port N}, {@code --in-memory}) over
 * the contract's environment variables over defaults.
 *
 * @param dataDir null when nothing is kept between runs
 * @param externalEndpoint the standard {@code AWS_ENDPOINT_URL} (LocalStack) when set: then no embedded service starts
 */
public record LocalConfig(
        int port,
        Path dataDir,
        String apiKey,
        boolean apiKeyGenerated,
        String publicUrl,
        int visibilityTimeoutSeconds,
        int dispatchIntervalSeconds,
        String surveyTokenKey,
        String externalEndpoint,
        Map<String, String> passThrough) {

    public static final int DEFAULT_PORT = 8080;
    public static final int DEFAULT_VISIBILITY_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_DISPATCH_INTERVAL_SECONDS = 60;

    public static LocalConfig from(String[] args, Map<String, String> env) {
        int port = env.containsKey(Setting.PORT.variable()) ? Integer.parseInt(env.get(Setting.PORT.variable())) : DEFAULT_PORT;
        boolean inMemory = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(requireValue(args, ++i, "--port"));
                case "--in-memory" -> inMemory = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --port N and --in-memory");
            }
        }
        if (port == 0) {
            // Any free port: chosen now, so that the public URL (survey links, QR codes) names it.
            port = FreePort.find();
        }
        Optional<String> key = nonBlank(env.get(Setting.API_KEY.variable()));
        Path dataDir = inMemory ? null : Path.of(nonBlank(env.get(Setting.DATA_DIR.variable())).orElse(".touchpoint"));
        int chosenPort = port;
        return new LocalConfig(chosenPort, dataDir, key.orElseGet(LocalConfig::generateKey), key.isEmpty(),
                nonBlank(env.get(Setting.PUBLIC_URL.variable())).orElse("http://localhost:" + chosenPort),
                nonBlank(env.get(Setting.VISIBILITY_TIMEOUT_SECONDS.variable())).map(Integer::parseInt)
                        .orElse(DEFAULT_VISIBILITY_TIMEOUT_SECONDS),
                nonBlank(env.get(Setting.DISPATCH_INTERVAL_SECONDS.variable())).map(Integer::parseInt)
                        .orElse(DEFAULT_DISPATCH_INTERVAL_SECONDS),
                nonBlank(env.get(Setting.SURVEY_TOKEN_KEY.variable())).orElseGet(() -> surveyTokenKey(dataDir)),
                nonBlank(env.get("AWS_ENDPOINT_URL")).orElse(null),
                passThrough(env));
    }

    /** The settings the functions read that the local runtime does not decide itself. */
    private static Map<String, String> passThrough(Map<String, String> env) {
        return Map.copyOf(env.entrySet().stream()
                .filter(e -> e.getKey().startsWith(Setting.PREFIX) || e.getKey().startsWith("AWS_"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public boolean inMemory() {
        return dataDir == null;
    }

    private static String requireValue(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /**
     * Survey links must survive a restart of a runtime that keeps its data, so a generated token key
     * is kept in the data directory; in memory a fresh one is fine.
     */
    private static String surveyTokenKey(Path dataDir) {
        if (dataDir == null) {
            return generateKey();
        }
        Path file = dataDir.resolve("survey-token.key");
        try {
            OwnerOnlyFiles.directory(dataDir);
            if (Files.exists(file)) {
                OwnerOnlyFiles.restrict(file);
                return Files.readString(file).trim();
            }
            String key = generateKey();
            OwnerOnlyFiles.writeSecret(file, key);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the survey token key in " + file, e);
        }
    }

    private static String generateKey() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "tp_local_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
