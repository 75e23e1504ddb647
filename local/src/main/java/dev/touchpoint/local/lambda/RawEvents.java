package dev.touchpoint.local.lambda;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns raw AWS event JSON into the event classes with the very serializers the Lambda Java runtime
 * uses (so {@code Records}, {@code eventSourceARN} and friends map as they do in AWS), and a handler's
 * result back into JSON.
 */
public final class RawEvents {

    private static final Map<Class<?>, PojoSerializer<?>> SERIALIZERS = new ConcurrentHashMap<>();
    private static final ObjectMapper RESULT_MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private RawEvents() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T decode(String json, Class<T> type) {
        PojoSerializer<T> serializer = (PojoSerializer<T>) SERIALIZERS.computeIfAbsent(type,
                t -> LambdaEventSerializers.serializerFor(t, RawEvents.class.getClassLoader()));
        return serializer.fromJson(json);
    }

    public static String encode(Object result) {
        try {
            return RESULT_MAPPER.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a handler result did not serialise", e);
        }
    }
}
