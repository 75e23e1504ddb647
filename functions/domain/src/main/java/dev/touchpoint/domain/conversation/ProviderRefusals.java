package dev.touchpoint.domain.conversation;

import java.util.Map;

/**
 * What a provider's error code says about a message to one recipient, in our words. Only refusals
 * about the recipient are for good ({@code permanent}): sending again cannot change them, so they are
 * recorded on the thread and never retried into the DLQ. Throttling, a provider's own failures and our
 * configuration (an expired token, a sender not enabled) are not here: they are retried, and a
 * configuration that stays wrong ends in the DLQ for an operator to fix and redrive.
 */
public final class ProviderRefusals {

    /**
     * @param reason    what the code means, for the thread
     * @param optedOut  the recipient opted out at the provider (a carrier STOP): we opt them out too
     * @param permanent sending again to this recipient would be refused again
     */
    public record Meaning(String reason, boolean optedOut, boolean permanent) {
        public static final Meaning NONE = new Meaning(null, false, false);
    }

    private static final Map<String, Meaning> TWILIO = Map.ofEntries(
            Map.entry("21610", new Meaning("the recipient unsubscribed (replied STOP to our number)", true, true)),
            Map.entry("21211", new Meaning("not a valid phone number", false, true)),
            Map.entry("21612", new Meaning("the number cannot receive messages from our sender", false, true)),
            Map.entry("21614", new Meaning("not a mobile number", false, true)),
            Map.entry("63003", new Meaning("not a WhatsApp user", false, true)),
            Map.entry("63016", new Meaning("outside the WhatsApp 24-hour window: only a template may be sent", false, true)),
            Map.entry("63024", new Meaning("not a valid WhatsApp recipient", false, true)),
            Map.entry("30003", new Meaning("the handset is unreachable", false, true)),
            Map.entry("30004", new Meaning("blocked by the recipient or the carrier", false, true)),
            Map.entry("30005", new Meaning("unknown or inactive number", false, true)),
            Map.entry("30006", new Meaning("a landline or unreachable carrier", false, true)),
            Map.entry("30007", new Meaning("filtered by the carrier", false, true)),
            Map.entry("30008", new Meaning("undelivered, for a reason the carrier did not give", false, true)));
    private static final Map<String, Meaning> META = Map.ofEntries(
            Map.entry("131047", new Meaning("more than 24 hours since the customer wrote: re-engagement needs a template", false, true)),
            Map.entry("131026", new Meaning("undeliverable: not on WhatsApp, or an old app version", false, true)),
            Map.entry("131021", new Meaning("the recipient is our own number", false, true)),
            Map.entry("131062", new Meaning("this message cannot go to a WhatsApp user id", false, true)),
            Map.entry("551", new Meaning("the person is not available on Messenger", false, true)),
            Map.entry("10/2018278", new Meaning("outside the Messenger 24-hour window", false, true)),
            Map.entry("2018278", new Meaning("outside the Messenger 24-hour window", false, true)));

    private ProviderRefusals() {
    }

    /** @param code the provider's code (Meta's as {@code code} or {@code code/subcode}); null gives {@link Meaning#NONE} */
    public static Meaning of(String provider, String code) {
        if (code == null) {
            return Meaning.NONE;
        }
        // Only Twilio's and Meta's codes are known; SNS and SES answer with exceptions, not codes.
        Map<String, Meaning> table = ReplyProvider.fromWireName(provider).map(known -> switch (known) {
            case TWILIO -> TWILIO;
            case META -> META;
            case AWS_SMS, SES -> Map.<String, Meaning>of();
        }).orElse(Map.of());
        Meaning meaning = table.get(code);
        if (meaning == null && code.contains("/")) {
            meaning = table.get(code.substring(0, code.indexOf('/')));
        }
        return meaning == null ? Meaning.NONE : meaning;
    }
}
