package dev.touchpoint.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.touchpoint.aws.snapstart.Priming;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function's Lambda entry point: reads the event and writes the answer with the Jackson the function
 * loads anyway, then hands the typed event to its {@link RequestHandler} (which the local runtime and
 * the tests call directly). Given a typed handler, Lambda's runtime would bind the event with its own
 * serialisation library, a second, shaded Jackson: about 200 ms on a cold start against about 70 ms
 * for ours (docs/performance.md). The binding is the same: {@code LambdaEventBindingTest} compares both
 * on every sample event.
 */
public abstract class JsonStreamHandler<I, O> implements RequestStreamHandler {

    /**
     * Lambda's events name some fields in another case than their Java properties ({@code Records},
     * {@code eventSourceARN}); unknown fields are ignored as Lambda's library ignores them.
     */
    static final ObjectMapper EVENTS = JsonMapper.builder()
            .addMixIn(SNSEvent.SNS.class, SnsTimestampLeftOut.class)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /**
     * An SNS record's {@code Timestamp} is a Joda time, which only Lambda's library binds; no handler
     * reads it (the message inside carries its own times), so it is left out rather than adding a module.
     */
    @JsonIgnoreProperties({"Timestamp", "timestamp"})
    private abstract static class SnsTimestampLeftOut {
    }

    private final Class<I> eventType;
    private final RequestHandler<I, O> handler;

    protected JsonStreamHandler(String function, Class<I> eventType, RequestHandler<I, O> handler) {
        this.eventType = eventType;
        this.handler = handler;
        // Builds the event's deserialiser before a SnapStart snapshot, so a restored function does not.
        Priming.beforeSnapshot(function + " event binding", () -> read(new byte[] {'{', '}'}));
    }

    @Override
    public final void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        O result = handler.handleRequest(EVENTS.readValue(event, eventType), context);
        EVENTS.writeValue(answer, result);
    }

    private I read(byte[] json) {
        try {
            return EVENTS.readValue(json, eventType);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
