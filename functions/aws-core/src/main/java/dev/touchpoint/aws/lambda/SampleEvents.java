package dev.touchpoint.aws.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The sample events of {@code events/} (events/README.md), which each function's build puts on its
 * classpath under {@code events/}: what its SnapStart primes walk through, so that a prime handles the
 * very event the tests and the local runtime's invoke use, not a copy of it that could drift.
 */
public final class SampleEvents {

    private SampleEvents() {
    }

    /** The sample, bound as the function's entry point binds its events ({@link JsonEvents}). */
    public static <T> T read(String path, Class<T> type) {
        try {
            return EventBinding.read(JsonEvents.readTree(JsonEvents.parser(bytes(path))), type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample as it is: a webhook's body, a form, a raw mail. */
    public static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String path) {
        try (InputStream sample = SampleEvents.class.getClassLoader().getResourceAsStream("events/" + path)) {
            if (sample == null) {
                throw new IllegalStateException("events/" + path + " is not on the classpath: the function's pom packages it");
            }
            return sample.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
