package dev.touchpoint.domain.fakes;

import dev.touchpoint.domain.conversation.ReplySender;
import dev.touchpoint.domain.conversation.SendOutcome;
import java.util.ArrayList;
import java.util.List;

/** A reply sender that keeps what it was asked to send and answers what the test tells it to. */
public final class RecordingReplySender implements ReplySender {

    /** One reply as the provider would have received it. */
    public record Sent(String channel, String provider, String recipient, String text) {
    }

    private final List<Sent> sent = new ArrayList<>();
    private SendOutcome answer = new SendOutcome.Sent("provider-msg-1");

    /** The provider's answer to every later reply. */
    public RecordingReplySender answering(SendOutcome outcome) {
        this.answer = outcome;
        return this;
    }

    @Override
    public synchronized SendOutcome reply(String channel, String provider, String recipient, String text) {
        sent.add(new Sent(channel, provider, recipient, text));
        return answer;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }
}
