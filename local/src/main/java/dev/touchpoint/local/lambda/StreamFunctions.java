package dev.touchpoint.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A stream handler (raw JSON in and out, as Lambda hands it) held like the other functions. */
public final class StreamFunctions {

    private StreamFunctions() {
    }

    public static RequestHandler<Map<String, Object>, Object> of(RequestStreamHandler handler) {
        return (event, context) -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                handler.handleRequest(new ByteArrayInputStream(RawEvents.encode(event).getBytes(StandardCharsets.UTF_8)), out, context);
                return out.toString(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
