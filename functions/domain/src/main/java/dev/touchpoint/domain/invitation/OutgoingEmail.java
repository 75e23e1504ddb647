package dev.touchpoint.domain.invitation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A survey email as it leaves: both parts, every header in order (RFC 8058 unsubscribe included), the SES configuration set. */
public record OutgoingEmail(String invitationId, String to, String from, String replyTo, String subject, String html,
                            String text, Map<String, String> headers, String configurationSet, String language) {

    public OutgoingEmail {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
