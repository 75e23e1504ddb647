package dev.touchpoint.domain.profile;

import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A stored profile. {@code version} rises with every change to its identities, so that an attach or a
 * merge computed from a stale read fails its conditional write instead of losing an identity.
 * A profile merged into another keeps {@code mergedInto}; the survivor lists it in {@code mergedFrom}.
 * {@code locale} is what the customer or the business told us; {@code writtenLanguage} is the language
 * their last message was written in ({@link CustomerLanguage} picks between them). Consent lives here too: the channels the customer opted out of, the channels suppressed after
 * bounces or complaints, and when they were last invited (for the cooldown).
 *
 * <p>A {@code claimed} profile holds what an anonymous visitor typed ({@link ClaimedProfiles}): it is
 * never merged, attached to, replied to or invited. Once a verified event names one of its identifiers
 * it is {@code confirmedInto} that customer's profile, which lists it in {@code claimedFrom} and shows its
 * responses, marked claimed.
 */
public record ProfileRecord(
        String id,
        Set<Identity> identities,
        String mergedInto,
        Set<String> mergedFrom,
        long version,
        Instant createdAt,
        String name,
        String locale,
        String writtenLanguage,
        String timeZone,
        Set<String> optedOut,
        Set<String> suppressed,
        Instant lastInvitedAt,
        boolean claimed,
        String confirmedInto,
        Set<String> claimedFrom) {

    public ProfileRecord {
        identities = Set.copyOf(identities);
        mergedFrom = Set.copyOf(mergedFrom);
        optedOut = Set.copyOf(optedOut);
        suppressed = Set.copyOf(suppressed);
        claimedFrom = Set.copyOf(claimedFrom);
    }

    /** A new profile of verified identifiers. */
    public static ProfileRecord created(String id, Set<Identity> identities, Instant now, String name, String locale,
                                        String timeZone) {
        return builder(id, now).identities(identities).name(name).locale(locale).timeZone(timeZone).build();
    }

    /** A new profile of what an anonymous visitor claimed. */
    public static ProfileRecord claimedBy(String id, Set<Identity> identities, Instant now, String name, String locale,
                                          String timeZone) {
        return builder(id, now).identities(identities).name(name).locale(locale).timeZone(timeZone).claimed(true).build();
    }

    public static Builder builder(String id, Instant createdAt) {
        return new Builder(id, createdAt);
    }

    /** The first identity of a type, e.g. the email to invite. */
    public Optional<Identity> identity(IdentityType type) {
        return identities.stream().filter(i -> i.type() == type).sorted(Comparator.comparing(Identity::value)).findFirst();
    }

    public boolean hasStrongIdentity() {
        return identities.stream().anyMatch(Identity::isStrong);
    }

    public boolean isMerged() {
        return mergedInto != null;
    }

    /** The same profile with more channels closed (an erased person's consent, kept under their identifiers' hashes). */
    public ProfileRecord withOptedOut(Set<String> channels) {
        if (channels.isEmpty()) {
            return this;
        }
        Set<String> all = new HashSet<>(optedOut);
        all.addAll(channels);
        return new ProfileRecord(id, identities, mergedInto, mergedFrom, version, createdAt, name, locale, writtenLanguage, timeZone, all,
                suppressed, lastInvitedAt, claimed, confirmedInto, claimedFrom);
    }

    /** The same profile, last written to us in this language. */
    public ProfileRecord withWrittenLanguage(String language) {
        return new ProfileRecord(id, identities, mergedInto, mergedFrom, version, createdAt, name, locale, language, timeZone,
                optedOut, suppressed, lastInvitedAt, claimed, confirmedInto, claimedFrom);
    }

    /** A claim no verified event has confirmed yet: later claims of its identifiers may still join it. */
    public boolean isPendingClaim() {
        return claimed && confirmedInto == null && mergedInto == null;
    }

    /** Builds a profile readably: every part named, the rest empty. */
    public static final class Builder {
        private final String id;
        private final Instant createdAt;
        private Set<Identity> identities = Set.of();
        private String mergedInto;
        private Set<String> mergedFrom = Set.of();
        private long version = 1;
        private String name;
        private String locale;
        private String writtenLanguage;
        private String timeZone;
        private Set<String> optedOut = Set.of();
        private Set<String> suppressed = Set.of();
        private Instant lastInvitedAt;
        private boolean claimed;
        private String confirmedInto;
        private Set<String> claimedFrom = Set.of();

        private Builder(String id, Instant createdAt) {
            this.id = id;
            this.createdAt = createdAt;
        }

        public Builder identities(Set<Identity> value) { identities = value; return this; }
        public Builder mergedInto(String value) { mergedInto = value; return this; }
        public Builder mergedFrom(Set<String> value) { mergedFrom = value; return this; }
        public Builder version(long value) { version = value; return this; }
        public Builder name(String value) { name = value; return this; }
        public Builder locale(String value) { locale = value; return this; }
        public Builder writtenLanguage(String value) { writtenLanguage = value; return this; }
        public Builder timeZone(String value) { timeZone = value; return this; }
        public Builder optedOut(Set<String> value) { optedOut = value; return this; }
        public Builder suppressed(Set<String> value) { suppressed = value; return this; }
        public Builder lastInvitedAt(Instant value) { lastInvitedAt = value; return this; }
        public Builder claimed(boolean value) { claimed = value; return this; }
        public Builder confirmedInto(String value) { confirmedInto = value; return this; }
        public Builder claimedFrom(Set<String> value) { claimedFrom = value; return this; }

        public ProfileRecord build() {
            return new ProfileRecord(id, identities, mergedInto, mergedFrom, version, createdAt, name, locale, writtenLanguage,
                    timeZone, optedOut, suppressed, lastInvitedAt, claimed, confirmedInto, claimedFrom);
        }
    }
}
