package dev.touchpoint.aws.apigateway;

import dev.touchpoint.contract.config.Setting;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Publishable keys, for the web widget: not secrets (they sit in a site's HTML), so each is bound to
 * the origins that may use it, and may only submit feedback. Configured as
 * {@code TOUCHPOINT_PUBLISHABLE_KEYS=pk_shop=https://shop.example|https://www.shop.example,pk_app=…}.
 */
public final class PublishableKeys {

    public static final String HEADER = "x-publishable-key";

    /**
     * The same key as a query parameter, for a browser's POST that must not be preflighted: a request
     * with a header of its own is, which costs a second request and a second invocation per response.
     */
    public static final String QUERY_PARAMETER = "publishableKey";

    private final Map<String, Set<String>> originsByKey;

    private PublishableKeys(Map<String, Set<String>> originsByKey) {
        this.originsByKey = Map.copyOf(originsByKey);
    }

    public static PublishableKeys parse(Optional<String> configuration) {
        Map<String, Set<String>> keys = new HashMap<>();
        configuration.ifPresent(text -> {
            for (String entry : text.split(",")) {
                int eq = entry.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException(Setting.PUBLISHABLE_KEYS.variable() + " entries are key=origin|origin");
                }
                Set<String> origins = new HashSet<>();
                for (String origin : entry.substring(eq + 1).split("\\|")) {
                    origins.add(normalise(origin));
                }
                keys.put(entry.substring(0, eq).trim(), Set.copyOf(origins));
            }
        });
        return new PublishableKeys(keys);
    }

    /** The key a request presents, in the header or else in the query string; not yet checked. */
    public static Optional<String> presented(HttpRequest request) {
        return request.header(HEADER).or(() -> Optional.ofNullable(request.query().get(QUERY_PARAMETER))).map(String::trim);
    }

    /** The key presented, if it is known and the request comes from one of its origins. */
    public Optional<String> accepted(HttpRequest request) {
        Optional<String> key = presented(request);
        Optional<String> origin = request.header("origin").map(PublishableKeys::normalise);
        if (key.isEmpty() || origin.isEmpty()) {
            return Optional.empty();
        }
        Set<String> origins = originsByKey.get(key.get());
        return origins != null && origins.contains(origin.get()) ? key : Optional.empty();
    }

    /** Whether any key may be used from this origin (what a CORS preflight asks). */
    public boolean allowsOrigin(String origin) {
        String wanted = normalise(origin);
        return originsByKey.values().stream().anyMatch(origins -> origins.contains(wanted));
    }

    public boolean isEmpty() {
        return originsByKey.isEmpty();
    }

    private static String normalise(String origin) {
        String trimmed = origin.trim().toLowerCase(Locale.ROOT);
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
