package dev.touchpoint.domain.identity;

import java.util.Objects;

/**
 * How a customer's identifiers were learned, and so how far they are trusted.
 *
 * <ul>
 *   <li>{@link Trust#VERIFIED}: a provider signed the message that carried them (Twilio's From and WaId,
 *       Meta's ids, an AWS two-way SMS originator, an inbound email's sender), or a caller holding an API
 *       key sent them (a CRM, a call centre, an import: the business vouches for them).</li>
 *   <li>{@link Trust#CLAIMED}: an anonymous visitor typed them (the widget, whose key is public). A claim
 *       never joins a known customer, renames nobody and is never written to: see
 *       {@code ClaimedProfiles}.</li>
 * </ul>
 *
 * @param source who carried them: {@code api-key}, {@code twilio}, {@code meta}, {@code aws-sms}, {@code ses}
 *               or {@code widget}, shown beside each identifier on the profile
 */
public record Provenance(Trust trust, String source) {

    public enum Trust { VERIFIED, CLAIMED }

    /** What a caller holding an API key sends. */
    public static final Provenance API_KEY = verified("api-key");
    /** What an anonymous visitor types into the widget. */
    public static final Provenance WIDGET = claimed("widget");

    public Provenance {
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(source, "source");
    }

    public static Provenance verified(String source) {
        return new Provenance(Trust.VERIFIED, source);
    }

    public static Provenance claimed(String source) {
        return new Provenance(Trust.CLAIMED, source);
    }

    public boolean isClaimed() {
        return trust == Trust.CLAIMED;
    }
}
