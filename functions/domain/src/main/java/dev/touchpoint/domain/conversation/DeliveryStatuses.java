package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.profile.ProfileRepository;
import java.util.Optional;

/**
 * Use case run by the processor for a provider's delivery news: the message it names takes its new
 * state on the thread (delivered, read, failed with the provider's code), unless it already knows a
 * later one. News of a message we did not send, or no longer keep (an erased thread), changes nothing.
 * A carrier's "unsubscribed" failure opts the customer out of the channel, as a refusal at send does.
 */
public final class DeliveryStatuses {

    /** What became of one piece of news. */
    public enum Outcome { UPDATED, STALE, UNKNOWN_MESSAGE }

    private static final int MAX_ATTEMPTS = 5;

    private final ThreadRepository threads;
    private final ProfileRepository profiles;

    public DeliveryStatuses(ThreadRepository threads, ProfileRepository profiles) {
        this.threads = threads;
        this.profiles = profiles;
    }

    public Outcome record(DeliveryStatusEvent event) {
        String status = Delivery.statusOf(event.status());
        if (status == null) {
            return Outcome.STALE;
        }
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<ThreadEntry> sent = threads.findSent(event.provider(), event.providerMessageId());
            if (sent.isEmpty()) {
                return Outcome.UNKNOWN_MESSAGE;
            }
            ProviderRefusals.Meaning meaning = status.equals("failed")
                    ? ProviderRefusals.of(event.provider(), event.errorCode()) : ProviderRefusals.Meaning.NONE;
            Delivery news = new Delivery(status, event.providerMessageId(), status.equals("failed") ? event.errorCode() : null,
                    meaning.reason(), event.at());
            ThreadEntry entry = sent.get();
            if (!news.supersedes(entry.delivery())) {
                return Outcome.STALE;
            }
            if (threads.recordDelivery(entry.with(news), entry.delivery())) {
                if (meaning.optedOut()) {
                    profiles.optOut(entry.profileId(), entry.channel(), event.at());
                }
                return Outcome.UPDATED;
            }
        }
        return Outcome.STALE;
    }
}
