package dev.touchpoint.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.touchpoint.aws.snapstart.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function's Lambda entry point: reads the event into Jackson's tree and binds it field by field
 * ({@link EventBinding}), then hands the typed event to its {@link RequestHandler} (which the local
 * runtime and the tests call directly), and writes the answer the same way. Given a typed handler,
 * Lambda's runtime would bind the event with its own serialisation library, a second, shaded Jackson
 * (about 200 ms of a cold start); Jackson's bean binding would cost about 60 ms more than the tree
 * (docs/performance.md). The binding is the same: {@code LambdaEventBindingTest} compares it with
 * Lambda's on every sample event.
 */
public abstract class JsonStreamHandler<I, O> implements RequestStreamHandler {

    /** Jackson's own limits only (an HTTP API body may be 10 MB); the domain reads bodies strictly itself. */
    static final ObjectMapper TREES = JsonMapper.builder()
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private final Class<I> eventType;
    private final RequestHandler<I, O> handler;

    protected JsonStreamHandler(String function, Class<I> eventType, RequestHandler<I, O> handler) {
        if (!EventBinding.reads(eventType)) {
            throw new IllegalArgumentException(function + ": no event binding for " + eventType.getName());
        }
        this.eventType = eventType;
        this.handler = handler;
        // Loads the tree and the binding before a SnapStart snapshot, so a restored function does not.
        Priming.beforeSnapshot(function + " event binding", () -> read("{}"));
    }

    @Override
    public final void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        O result = handler.handleRequest(EventBinding.read(TREES.readTree(event), eventType), context);
        TREES.writeValue(answer, EventBinding.write(result, TREES));
    }

    private I read(String json) {
        try {
            return EventBinding.read(TREES.readTree(json), eventType);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
