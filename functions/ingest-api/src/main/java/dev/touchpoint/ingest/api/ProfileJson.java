package dev.touchpoint.ingest.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.feedback.SubmissionWriter;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.json.StrictJson;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileView;
import dev.touchpoint.domain.profile.ResponseRecord;
import java.util.Comparator;

/** The profile as the API shows it: identities, details, merged profiles and every response once. */
final class ProfileJson {

    private ProfileJson() {
    }

    static ObjectNode write(ProfileView view) {
        ProfileRecord profile = view.profile();
        ObjectNode root = StrictJson.object();
        root.put("id", profile.id());
        ArrayNode identities = root.putArray("identities");
        profile.identities().stream()
                .sorted(Comparator.comparing(Identity::key))
                .forEach(i -> identities.addObject().put("type", i.type().wireName()).put("value", i.value()));
        root.put("name", profile.name());
        root.put("locale", profile.locale());
        root.put("timeZone", profile.timeZone());
        root.put("createdAt", profile.createdAt().toString());
        ArrayNode merged = root.putArray("mergedFrom");
        profile.mergedFrom().stream().sorted().forEach(merged::add);
        ArrayNode responses = root.putArray("responses");
        view.responses().forEach(r -> responses.add(response(r)));
        ArrayNode thread = root.putArray("thread");
        view.thread().forEach(entry -> thread.addObject().put("direction", entry.direction().name().toLowerCase(java.util.Locale.ROOT))
                .put("channel", entry.channel()).put("text", entry.text()).put("invitationId", entry.invitationId())
                .put("at", entry.at().toString()));
        return root;
    }

    private static ObjectNode response(ResponseRecord response) {
        ObjectNode node = StrictJson.object();
        node.put("id", response.responseId());
        node.put("externalId", response.externalId());
        node.put("channel", response.channel());
        node.put("touchpoint", response.touchpoint());
        node.put("surveyId", response.surveyId());
        ArrayNode answers = node.putArray("answers");
        response.answers().forEach(a -> answers.add(SubmissionWriter.answer(a)));
        node.put("answeredAt", response.answeredAt().toString());
        node.put("receivedAt", response.receivedAt().toString());
        return node;
    }
}
