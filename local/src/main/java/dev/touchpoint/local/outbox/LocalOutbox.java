package dev.touchpoint.local.outbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.conversation.ReplySender;
import dev.touchpoint.domain.conversation.SendOutcome;
import dev.touchpoint.domain.invitation.EmailSender;
import dev.touchpoint.domain.invitation.OutgoingEmail;
import dev.touchpoint.domain.invitation.OutgoingSms;
import dev.touchpoint.domain.invitation.SmsSender;
import dev.touchpoint.domain.response.DetractorAlerts;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the local runtime would have sent, newest last. */
public final class LocalOutbox {

    private final List<ObjectNode> messages = new ArrayList<>();
    private final Clock clock;

    public LocalOutbox(Clock clock) {
        this.clock = clock;
    }

    public EmailSender emailSender() {
        return this::add;
    }

    public SmsSender smsSender() {
        return this::add;
    }

    /** Detractor alerts (an SNS topic in AWS). */
    public DetractorAlerts.Channel alertChannel() {
        return this::addAlert;
    }

    private synchronized void addAlert(DetractorAlerts.DetractorAlert alert) {
        messages.add(entry(UUID.randomUUID().toString(), alert.channel(), null).put("kind", "detractor-alert")
                .put("responseId", alert.responseId()).put("profileId", alert.profileId()).put("touchpoint", alert.touchpoint())
                .put("surveyId", alert.surveyId()).put("type", alert.type()).put("score", alert.score()));
    }

    /** Replies in a conversation, on whatever channel the customer wrote (Twilio, Meta, SMS, email). */
    public ReplySender replySender() {
        return this::addReply;
    }

    /** Taken, under the outbox entry's id: a provider status callback naming it as its message id updates the thread. */
    private synchronized SendOutcome addReply(String channel, String provider, String recipient, String text) {
        String id = UUID.randomUUID().toString();
        messages.add(entry(id, channel, null).put("kind", "reply").put("provider", provider).put("to", recipient).put("body", text));
        return new SendOutcome.Sent(id);
    }

    private synchronized String add(OutgoingEmail email) {
        String id = UUID.randomUUID().toString();
        ObjectNode entry = entry(id, "email", email.invitationId());
        entry.put("from", email.from()).put("to", email.to()).put("replyTo", email.replyTo())
                .put("subject", email.subject()).put("configurationSet", email.configurationSet())
                .put("language", email.language()).put("text", email.text()).put("html", email.html());
        ObjectNode headers = entry.putObject("headers");
        email.headers().forEach(headers::put);
        messages.add(entry);
        return id;
    }

    private synchronized String add(OutgoingSms sms) {
        String id = UUID.randomUUID().toString();
        messages.add(entry(id, "sms", sms.invitationId()).put("to", sms.to()).put("body", sms.body())
                .put("originationIdentity", sms.originationIdentity()).put("language", sms.language())
                .put("smsType", "Transactional"));
        return id;
    }

    private ObjectNode entry(String id, String channel, String invitationId) {
        return StrictJson.object().put("messageId", id).put("channel", channel).put("invitationId", invitationId)
                .put("sentAt", clock.instant().toString());
    }

    public synchronized String json() {
        ArrayNode array = StrictJson.array();
        messages.forEach(array::add);
        return StrictJson.write(array);
    }

    public synchronized int size() {
        return messages.size();
    }
}
