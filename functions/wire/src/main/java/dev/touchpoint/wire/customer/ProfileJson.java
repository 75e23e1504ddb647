package dev.touchpoint.wire.customer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.conversation.MessageKind;
import dev.touchpoint.domain.conversation.ThreadEntry;
import dev.touchpoint.domain.customer.ProfileView;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.InvitationStatus;
import dev.touchpoint.domain.profile.IdentityEntry;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.wire.feedback.SubmissionWriter;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The profile as the API shows it: identities, details, consent per channel, merged profiles, every
 * response once, the conversation thread, and one timeline of invitations, responses and messages
 * across channels in time order.
 */
public final class ProfileJson {

    private ProfileJson() {
    }

    public static ObjectNode write(ProfileView view) {
        ProfileRecord profile = view.profile();
        ObjectNode root = StrictJson.object();
        root.put("id", profile.id());
        // verified: the business or a provider vouched for its identifiers; claimed: an anonymous visitor typed them
        root.put("provenance", profile.claimed() ? "claimed" : "verified");
        ArrayNode identities = root.putArray("identities");
        profile.identities().stream()
                .sorted(Comparator.comparing(Identity::key))
                .forEach(i -> identities.add(identity(i, profile, view.identityEntries().get(i))));
        root.put("name", profile.name());
        root.put("locale", profile.locale());
        root.put("writtenLanguage", profile.writtenLanguage());
        root.put("timeZone", profile.timeZone());
        root.put("createdAt", profile.createdAt().toString());
        ObjectNode consent = root.putObject("consent");
        ArrayNode optedOut = consent.putArray("optedOut");
        profile.optedOut().stream().sorted().forEach(optedOut::add);
        ArrayNode suppressed = consent.putArray("suppressed");
        profile.suppressed().stream().sorted().forEach(suppressed::add);
        consent.put("lastInvitedAt", profile.lastInvitedAt() == null ? null : profile.lastInvitedAt().toString());
        ArrayNode merged = root.putArray("mergedFrom");
        profile.mergedFrom().stream().sorted().forEach(merged::add);
        ArrayNode claimedFrom = root.putArray("claimedFrom");
        profile.claimedFrom().stream().sorted().forEach(claimedFrom::add);
        if (profile.claimed()) {
            root.put("confirmedInto", profile.confirmedInto());
        }
        ArrayNode responses = root.putArray("responses");
        view.responses().forEach(r -> responses.add(withProvenance(response(r), view.isClaimed(r))));
        ArrayNode thread = root.putArray("thread");
        view.thread().forEach(entry -> thread.add(threadEntry(entry)));
        root.set("timeline", timeline(view));
        return root;
    }

    /** One message of the thread: its kind (message, automatic, unsubscribe, reaction, postback) and media by reference. */
    private static ObjectNode threadEntry(ThreadEntry entry) {
        ObjectNode node = StrictJson.object().put("direction", entry.direction().name().toLowerCase(Locale.ROOT))
                .put("kind", entry.kind().wireName()).put("channel", entry.channel()).put("text", entry.text())
                .put("invitationId", entry.invitationId()).put("author", entry.author()).put("at", entry.at().toString());
        if (entry.delivery() != null) {
            // Where our message has got to: sent, delivered, read, or failed with the provider's code and what it means.
            ObjectNode delivery = node.putObject("delivery").put("status", entry.delivery().status())
                    .put("at", entry.delivery().at().toString());
            if (entry.delivery().errorCode() != null) {
                delivery.put("errorCode", entry.delivery().errorCode()).put("reason", entry.delivery().reason());
            }
        }
        if (!entry.media().isEmpty()) {
            ArrayNode media = node.putArray("media");
            entry.media().forEach(item -> media.addObject().put("kind", item.kind()).put("reference", item.reference())
                    .put("mimeType", item.mimeType()));
        }
        return node;
    }

    /** Invitations sent, responses and messages, oldest first, each with its kind and channel. */
    private static ArrayNode timeline(ProfileView view) {
        List<ObjectNode> events = new ArrayList<>();
        for (Invitation invitation : view.invitations()) {
            events.add(invitation(invitation));
        }
        for (ResponseRecord response : view.responses()) {
            events.add(withProvenance(StrictJson.object().put("at", response.answeredAt().toString()).put("kind", "response")
                    .put("channel", response.channel()).put("surveyId", response.surveyId()).put("id", response.responseId()),
                    view.isClaimed(response)));
            // Each time the customer changed the answer on the invitation's page (the last one counts).
            response.changedAt().forEach(at -> events.add(StrictJson.object().put("at", at.toString()).put("kind", "response-changed")
                    .put("channel", response.channel()).put("surveyId", response.surveyId()).put("id", response.responseId())));
        }
        view.thread().forEach(entry -> {
            ObjectNode event = StrictJson.object().put("at", entry.at().toString())
                    .put("kind", entry.direction() == ThreadEntry.Direction.INBOUND ? "message" : "reply")
                    .put("channel", entry.channel()).put("text", entry.text()).put("author", entry.author());
            if (entry.kind() != MessageKind.MESSAGE) {
                event.put("messageKind", entry.kind().wireName()); // an auto-reply, a reaction, a form: not a message they typed
            }
            events.add(event);
        });
        events.sort(Comparator.comparing(e -> Instant.parse(e.get("at").asText())));
        ArrayNode timeline = StrictJson.array();
        events.forEach(timeline::add);
        return timeline;
    }

    /**
     * An invitation as support reads it: sent (and on what), waiting (until when, and why) or dropped
     * (and why: cooldown, opted out, too old…), answered.
     */
    private static ObjectNode invitation(Invitation invitation) {
        ObjectNode node = StrictJson.object().put("at", invitation.timelineAt().toString()).put("kind", "invitation")
                .put("channel", invitation.sentChannel()).put("surveyId", invitation.surveyId()).put("id", invitation.id())
                .put("status", invitation.status().name().toLowerCase(Locale.ROOT));
        if (invitation.reason() != null) {
            node.put("reason", invitation.reason());
        }
        if (invitation.status() == InvitationStatus.PENDING) {
            node.put("dueAt", invitation.dueAt().toString());
        }
        return node;
    }

    /** An identifier, with how it was learned: verified or claimed, and who carried it (twilio, api-key, widget…). */
    private static ObjectNode identity(Identity identity, ProfileRecord profile, IdentityEntry entry) {
        ObjectNode node = StrictJson.object().put("type", identity.type().wireName()).put("value", identity.value())
                .put("provenance", profile.claimed() ? "claimed" : "verified");
        String source = entry == null ? null : profile.claimed() ? entry.claimedVia() : entry.learnedFrom();
        if (source != null) {
            node.put("learnedFrom", source);
        }
        return node;
    }

    private static ObjectNode withProvenance(ObjectNode node, boolean claimed) {
        return node.put("provenance", claimed ? "claimed" : "verified");
    }

    /** One response as the API shows it (also the body of an outgoing webhook). */
    public static ObjectNode response(ResponseRecord response) {
        ObjectNode node = StrictJson.object();
        node.put("id", response.responseId());
        node.put("externalId", response.externalId());
        node.put("channel", response.channel());
        if (response.answeredVia() != null) {
            node.put("answeredVia", response.answeredVia());
        }
        node.put("touchpoint", response.touchpoint());
        node.put("surveyId", response.surveyId());
        ArrayNode answers = node.putArray("answers");
        response.answers().forEach(a -> answers.add(SubmissionWriter.answer(a)));
        node.put("answeredAt", response.answeredAt().toString());
        node.put("receivedAt", response.receivedAt().toString());
        if (!response.changedAt().isEmpty()) {
            ArrayNode changes = node.putArray("changedAt");
            response.changedAt().forEach(at -> changes.add(at.toString()));
        }
        return node;
    }
}
