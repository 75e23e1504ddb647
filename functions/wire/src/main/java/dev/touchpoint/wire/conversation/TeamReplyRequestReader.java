package dev.touchpoint.wire.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.conversation.ReplyChannels;
import dev.touchpoint.domain.conversation.TeamReplyRequest;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.UnknownFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code POST /v1/replies}'s body read into a {@link TeamReplyRequest}, every field's error named. */
public final class TeamReplyRequestReader {

    private static final Set<String> FIELDS = Set.of("id", "profileId", "responseId", "channel", "text", "author");
    private static final Pattern ID = Pattern.compile("^[A-Za-z0-9._:@+/-]{1,128}$");
    private static final Pattern PROFILE_ID = Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");
    private static final Pattern RESPONSE_ID = Pattern.compile("^[A-Za-z0-9_-]{1,128}$");

    private TeamReplyRequestReader() {
    }

    public static TeamReplyRequest read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid(List.of(new FieldError("", "The body must be a JSON object (the reply).")));
        }
        List<FieldError> errors = new ArrayList<>();
        UnknownFields.reject(root, "", FIELDS, errors);
        String id = optional(root, "id", ID, "1 to 128 characters of letters, digits and . _ : @ + - /.", errors);
        String profileId = optional(root, "profileId", PROFILE_ID, "A profile id as GET /v1/profiles returns it.", errors);
        String responseId = optional(root, "responseId", RESPONSE_ID, "A response id as GET /v1/responses returns it.", errors);
        if (profileId == null && responseId == null && errors.isEmpty()) {
            errors.add(new FieldError("/profileId", "Say whom to answer: a profileId, or the responseId being answered."));
        }
        String channel = optional(root, "channel", Pattern.compile("^(" + String.join("|", ReplyChannels.REPLYABLE) + ")$"),
                "One of " + String.join(", ", ReplyChannels.REPLYABLE) + "; leave it out to answer where the customer wrote.", errors);
        String text = root.path("text").isTextual() ? root.get("text").textValue().strip() : "";
        if (text.isEmpty() || text.length() > TeamReplyRequest.MAX_TEXT_LENGTH) {
            errors.add(new FieldError("/text", "Required: the reply, 1 to " + TeamReplyRequest.MAX_TEXT_LENGTH + " characters."));
        }
        String author = root.path("author").isTextual() ? root.get("author").textValue().strip() : null;
        if (root.hasNonNull("author") && (author == null || author.isEmpty() || author.length() > 100)) {
            errors.add(new FieldError("/author", "The team member's name, 1 to 100 characters."));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new TeamReplyRequest(id == null ? UUID.randomUUID().toString() : id, profileId, responseId, channel, text, author);
    }

    private static String optional(JsonNode root, String field, Pattern pattern, String problem, List<FieldError> errors) {
        if (!root.hasNonNull(field)) {
            return null;
        }
        String value = root.get(field).isTextual() ? root.get(field).textValue() : "";
        if (!pattern.matcher(value).matches()) {
            errors.add(new FieldError("/" + field, problem));
            return null;
        }
        return value;
    }

    private static InvalidSubmissionException invalid(List<FieldError> errors) {
        return new InvalidSubmissionException("The reply is not valid.", errors);
    }
}
