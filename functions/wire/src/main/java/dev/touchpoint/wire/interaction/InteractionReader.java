package dev.touchpoint.wire.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.interaction.InteractionCheck;
import dev.touchpoint.domain.interaction.InteractionDraft;
import dev.touchpoint.domain.interaction.ServiceInteraction;
import dev.touchpoint.domain.validation.SentTexts;
import dev.touchpoint.wire.identity.CustomerReader;
import dev.touchpoint.wire.json.Members;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.json.UnknownFields;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the contract's service interaction from a JSON tree into what was sent
 * ({@link InteractionDraft}), has the domain's {@link InteractionCheck} judge it, and writes an
 * interaction back in the contract's shape (what the queue carries).
 */
public final class InteractionReader {

    private final InteractionCheck check;

    public InteractionReader(IdentityNormalizer normalizer, Clock clock) {
        this.check = new InteractionCheck(normalizer, clock);
    }

    /** @throws InvalidSubmissionException naming every field at fault */
    public ServiceInteraction read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw InteractionCheck.notAnObject();
        }
        return check.check(new InteractionDraft(UnknownFields.in(root, InteractionCheck.FIELDS), Members.sent(root.get("id")),
                Members.sent(root.get("type")), Members.sent(root.get("occurredAt")), Members.sent(root.get("touchpoint")),
                CustomerReader.sentObject(root.get("customer")), Members.sent(root.get("surveyId")),
                Members.sent(root.get("delaySeconds")), texts(root.get("channels"))));
    }

    /** An array's items as texts (anything but a text is "", which no check takes); not an array, none. */
    private static SentTexts texts(JsonNode node) {
        if (node == null || node.isNull()) {
            return SentTexts.ABSENT;
        }
        List<String> items = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> items.add(item.asText("")));
        }
        return new SentTexts(true, items);
    }

    /** Writes the interaction back in the contract's shape (what the queue carries). */
    public static ObjectNode write(ServiceInteraction interaction) {
        ObjectNode root = StrictJson.object();
        root.put("id", interaction.id());
        root.put("type", interaction.type());
        root.put("occurredAt", interaction.occurredAt().toString());
        if (interaction.touchpoint() != null) {
            root.put("touchpoint", interaction.touchpoint());
        }
        ObjectNode customer = root.putObject("customer");
        interaction.customer().identities().forEach(i -> customer.put(i.type().wireName(), i.value()));
        putIfPresent(customer, "name", interaction.customer().name());
        putIfPresent(customer, "locale", interaction.customer().locale());
        putIfPresent(customer, "timeZone", interaction.customer().timeZone());
        putIfPresent(root, "surveyId", interaction.surveyId());
        if (interaction.delay() != null) {
            root.put("delaySeconds", interaction.delay().toSeconds());
        }
        if (interaction.channels() != null) {
            ArrayNode channels = root.putArray("channels");
            interaction.channels().forEach(channels::add);
        }
        return root;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
