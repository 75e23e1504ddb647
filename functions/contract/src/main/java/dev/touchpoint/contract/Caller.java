package dev.touchpoint.contract;

/** Who may call a route, as docs/openapi.yaml's security says it (a provider's signature is not an OpenAPI scheme). */
public enum Caller {
    /** A business's own systems, with an API key ({@code x-api-key}). */
    API_KEY,
    /** An API key, or the widget's publishable key from an origin it lists. */
    API_KEY_OR_PUBLISHABLE_KEY,
    /** Anyone: a survey page, the widget's script, a CORS preflight. Rate limited, writes only its own feedback. */
    ANONYMOUS,
    /** Twilio or Meta, proven by the signature the function checks. */
    PROVIDER
}
