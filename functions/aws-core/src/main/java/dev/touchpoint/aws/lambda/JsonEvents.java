package dev.touchpoint.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import dev.touchpoint.wire.json.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Supplier;

/**
 * What a function's Lambda entry point (its {@code *StreamHandler}, a {@link RequestStreamHandler} the
 * CDK app names) does with the bytes Lambda hands it: reads the event into Jackson's tree and binds it
 * field by field ({@link EventBinding}), then hands the typed event to the function's
 * {@link RequestHandler} (which the local runtime and the tests call directly), and writes the answer
 * the same way. Given a typed handler,
 * Lambda's runtime would bind the event with its own serialisation library, a second, shaded Jackson
 * (about 200 ms of a cold start); Jackson's bean binding would cost about 60 ms more than the tree,
 * and an {@code ObjectMapper} to build the tree about 60 ms more than Jackson's streaming parser
 * (docs/performance.md). The binding is the same: {@code LambdaEventBindingTest} compares it with
 * Lambda's on every sample event.
 */
public final class JsonEvents<I, O> {

    /**
     * Jackson's streaming reader and writer with its own limits only (an HTTP API body may be 10 MB; the
     * domain reads bodies strictly itself). Trees, not a mapper: {@link JsonTrees}.
     */
    private static final JsonFactory STREAMS = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();


    private final Class<I> eventType;
    private final RequestHandler<I, O> handler;

    /**
     * The function's handler bound to its event type. The TLS context the clients will need starts on a
     * thread of its own first, before the handler (and with it the function's wiring) is made.
     */
    public static <I, O> JsonEvents<I, O> bind(String function, Class<I> eventType, Supplier<RequestHandler<I, O>> handler) {
        if (!EventBinding.reads(eventType)) {
            throw new IllegalArgumentException(function + ": no event binding for " + eventType.getName());
        }
        AheadOfFirstEvent.startTlsContext(Environment.system());
        return new JsonEvents<>(function, eventType, handler.get());
    }

    private JsonEvents(String function, Class<I> eventType, RequestHandler<I, O> handler) {
        this.eventType = eventType;
        this.handler = handler;
        // Loads the tree and the binding before a SnapStart snapshot, so a restored function does not.
        Priming.beforeSnapshot(function + " event binding", () -> read("{}"));
    }

    public void handle(InputStream event, OutputStream answer, Context context) throws IOException {
        O result = handler.handleRequest(EventBinding.read(readTree(STREAMS.createParser(event)), eventType), context);
        writeTree(EventBinding.write(result), answer);
    }

    private I read(String json) {
        try {
            return EventBinding.read(readTree(STREAMS.createParser(json)), eventType);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole event as a tree; no event at all is a missing node, as {@code ObjectMapper.readTree} has it. */
    static JsonNode readTree(JsonParser parser) throws IOException {
        try (parser) {
            return parser.nextToken() == null ? MissingNode.getInstance() : JsonTrees.read(parser, false);
        }
    }

    static void writeTree(JsonNode tree, OutputStream answer) throws IOException {
        try (JsonGenerator generator = STREAMS.createGenerator(answer)) {
            JsonTrees.write(tree, generator);
        }
    }

    /** The parser the handler reads events with (for the binding's tests). */
    static JsonParser parser(byte[] json) throws IOException {
        return STREAMS.createParser(json);
    }
}
