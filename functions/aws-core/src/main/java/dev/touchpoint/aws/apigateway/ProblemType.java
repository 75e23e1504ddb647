package dev.touchpoint.aws.apigateway;

/**
 * Every kind of problem our API answers, each with its one title (RFC 9457: the title summarises the
 * type, the same for every occurrence; what differs goes in the detail). Its URN is
 * {@code urn:touchpoint:problem:<code>}; docs/openapi.yaml lists the same codes, and the conformance
 * IT holds the two equal.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is not valid"),
    MALFORMED_JSON("malformed-json", "Malformed JSON"),
    MALFORMED_CSV("malformed-csv", "Malformed CSV"),
    INVALID_ENCODING("invalid-encoding", "Invalid encoding"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Payload too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    UNAUTHORIZED("unauthorized", "Not authorised"),
    ORIGIN_NOT_ALLOWED("origin-not-allowed", "Origin not allowed"),
    CHANNEL_NOT_ALLOWED("channel-not-allowed", "Channel not allowed for this key"),
    NOT_FOUND("not-found", "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    PROFILE_NOT_FOUND("profile-not-found", "No such profile"),
    RESPONSE_NOT_FOUND("response-not-found", "No such response"),
    CANNOT_REPLY("cannot-reply", "Cannot reply"),
    RATE_LIMITED("rate-limited", "Too many submissions"),
    TEMPORARILY_UNAVAILABLE("temporarily-unavailable", "Temporarily unavailable"),
    INTERNAL_ERROR("internal-error", "Internal error");

    public static final String URN_PREFIX = "urn:touchpoint:problem:";

    private final String code;
    private final String title;

    ProblemType(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String urn() {
        return URN_PREFIX + code;
    }
}
