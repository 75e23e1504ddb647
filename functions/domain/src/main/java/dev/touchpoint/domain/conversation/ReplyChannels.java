package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.profile.ProfileRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a team member's reply goes. Asked for a channel, that channel or a clear refusal; otherwise the
 * first that works of: the channel of the response being answered, the channel the customer last
 * wrote on, then email, SMS, WhatsApp, Messenger. A channel works when the customer has an address
 * there, has not opted out of it nor been suppressed on it, and — on WhatsApp and Messenger, whose
 * providers refuse free text outside a customer-care window — wrote on it within the last 24 hours.
 * The provider is the one the customer last wrote through on that channel (so a Twilio SMS customer is
 * answered from the Twilio number), else AWS for SMS and Meta for WhatsApp and Messenger. Only verified
 * identifiers are ever written to: a claimed profile is refused ({@code unverified}).
 */
public final class ReplyChannels {

    public static final List<String> REPLYABLE = List.of("email", "sms", "whatsapp", "messenger");
    public static final Duration MESSAGING_WINDOW = Duration.ofHours(24);

    /** A channel and the provider to send through. */
    public record Route(String channel, String provider) {
    }

    /** No reply is possible on the asked channel, or on any; {@code reason} is a stable code. */
    public static final class CannotReplyException extends RuntimeException {
        private final String reason;

        CannotReplyException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    private ReplyChannels() {
    }

    public static Route choose(ProfileRecord profile, List<ThreadEntry> thread, String requested, String answeredOn, Instant now) {
        if (profile.claimed()) {
            // Its identifiers were typed by an anonymous visitor: writing to them could reach anyone.
            throw new CannotReplyException("unverified", "This profile holds only what an anonymous visitor typed into the "
                    + "widget; no reply goes to identifiers nobody verified. Reply on the customer's verified profile.");
        }
        if (requested != null) {
            whyNot(profile, thread, requested, now).ifPresent(reason -> {
                throw new CannotReplyException(reason, explain(reason, requested));
            });
            return new Route(requested, provider(thread, requested));
        }
        Set<String> candidates = new LinkedHashSet<>();
        if (answeredOn != null) {
            candidates.add(answeredOn);
        }
        lastInbound(thread, null).ifPresent(entry -> candidates.add(entry.channel()));
        candidates.addAll(REPLYABLE);
        List<String> refused = new ArrayList<>();
        for (String channel : candidates) {
            Optional<String> reason = whyNot(profile, thread, channel, now);
            if (reason.isEmpty()) {
                return new Route(channel, provider(thread, channel));
            }
            if (!reason.get().equals("no-address") && !reason.get().equals("not-replyable")) {
                refused.add(channel + ": " + reason.get());
            }
        }
        throw new CannotReplyException("no-reachable-channel", "The customer cannot be reached on any channel"
                + (refused.isEmpty() ? " (no email, phone or messaging account is known)." : " (" + String.join(", ", refused) + ")."));
    }

    /**
     * The identities a reply on this channel may be addressed to, the preferred first: on WhatsApp the
     * phone-based id when the customer's number is known (Meta recommends sending to numbers), else the
     * business-scoped user id of a customer who shows only a username.
     */
    public static List<IdentityType> recipientTypes(String channel) {
        return switch (channel) {
            case "whatsapp" -> List.of(IdentityType.WHATSAPP_ID, IdentityType.WHATSAPP_USER_ID);
            case "messenger" -> List.of(IdentityType.MESSENGER_ID);
            case "email" -> List.of(IdentityType.EMAIL);
            default -> List.of(IdentityType.PHONE);
        };
    }

    /** The profile's address on this channel, if it has one. */
    public static Optional<Identity> recipient(ProfileRecord profile, String channel) {
        return recipientTypes(channel).stream().map(profile::identity).flatMap(Optional::stream).findFirst();
    }

    /** The address among these identities (a message's sender's) on this channel, if any. */
    public static Optional<Identity> recipient(List<Identity> identities, String channel) {
        return recipientTypes(channel).stream()
                .flatMap(type -> identities.stream().filter(i -> i.type() == type)).findFirst();
    }

    /** Whether the customer still accepts messages here (asked again when the reply is sent). */
    public static boolean consents(ProfileRecord profile, String channel) {
        return !profile.optedOut().contains(channel) && !profile.suppressed().contains(channel);
    }

    private static Optional<String> whyNot(ProfileRecord profile, List<ThreadEntry> thread, String channel, Instant now) {
        if (!REPLYABLE.contains(channel)) {
            return Optional.of("not-replyable");
        }
        if (recipient(profile, channel).isEmpty()) {
            return Optional.of("no-address");
        }
        if (!consents(profile, channel)) {
            return Optional.of("opted-out");
        }
        boolean sessionChannel = channel.equals("whatsapp") || channel.equals("messenger");
        if (sessionChannel && lastInbound(thread, channel).map(e -> e.at().isBefore(now.minus(MESSAGING_WINDOW))).orElse(true)) {
            return Optional.of("outside-messaging-window");
        }
        return Optional.empty();
    }

    private static String explain(String reason, String channel) {
        return switch (reason) {
            case "not-replyable" -> "Replies go by email, SMS, WhatsApp or Messenger, not " + channel + ".";
            case "no-address" -> "The customer has no address on " + channel + ".";
            case "opted-out" -> "The customer opted out of " + channel + " or it was suppressed after a bounce or complaint.";
            default -> "On " + channel + " a free-text reply is only allowed within 24 hours of the customer's last message there.";
        };
    }

    private static String provider(List<ThreadEntry> thread, String channel) {
        Optional<String> last = lastInbound(thread, channel).map(ThreadEntry::provider);
        if (last.isPresent()) {
            return last.get();
        }
        return switch (channel) {
            case "email" -> ReplyProvider.SES.wireName();
            case "sms" -> ReplyProvider.AWS_SMS.wireName();
            default -> ReplyProvider.META.wireName();
        };
    }

    private static Optional<ThreadEntry> lastInbound(List<ThreadEntry> thread, String channel) {
        return thread.stream()
                .filter(e -> e.direction() == ThreadEntry.Direction.INBOUND)
                .filter(e -> channel == null || e.channel().equals(channel))
                .reduce((first, second) -> second);
    }
}
