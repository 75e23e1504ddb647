package dev.touchpoint.domain.webhook;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One configured receiver: a short name (in logs, delivery ids and dead letters; never the URL, which
 * may carry a token) and its URL. Configured as a comma-separated
 * list of {@code name=https://…}. Plain http is accepted only for loopback addresses (a receiver on the
 * same machine, as in tests).
 */
public record WebhookEndpoint(String name, URI url) {

    private static final Pattern NAME = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,31}$");

    public static List<WebhookEndpoint> parse(Optional<String> configuration) {
        List<WebhookEndpoint> endpoints = new ArrayList<>();
        for (String entry : configuration.orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String name = eq < 0 ? "" : entry.substring(0, eq).trim();
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("each entry is name=https://…, the name 1 to 32 of a-z 0-9 _ -");
            }
            if (endpoints.stream().anyMatch(e -> e.name().equals(name))) {
                throw new IllegalArgumentException("the name " + name + " is used twice");
            }
            endpoints.add(new WebhookEndpoint(name, url(name, entry.substring(eq + 1).trim())));
        }
        return List.copyOf(endpoints);
    }

    private static URI url(String name, String text) {
        URI url;
        try {
            url = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the URL of " + name + " is not a URL");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean loopback = "127.0.0.1".equals(url.getHost()) || "localhost".equals(url.getHost()) || "[::1]".equals(url.getHost());
        if (url.getHost() == null || !(scheme.equals("https") || (scheme.equals("http") && loopback))) {
            throw new IllegalArgumentException("the URL of " + name + " must be https (http only on loopback)");
        }
        return url;
    }
}
