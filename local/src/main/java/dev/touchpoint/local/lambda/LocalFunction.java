package dev.touchpoint.local.lambda;

import com.amazonaws.services.lambda.runtime.RequestHandler;

/** One deployed function as the local runtime holds it: its name, its real handler and the event class it takes. */
public record LocalFunction<I, O>(String name, Class<I> eventType, RequestHandler<I, O> handler) {

    public O invoke(I event) {
        return handler.handleRequest(event, new LocalContext(name));
    }

    /** Like {@code sam local invoke}: a raw AWS event in, the handler's result out, both JSON. */
    public String invokeRaw(String eventJson) {
        return RawEvents.encode(invoke(RawEvents.decode(eventJson, eventType)));
    }
}
