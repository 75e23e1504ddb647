package dev.touchpoint.domain.conversation;

/**
 * What a team member asks for with {@code POST /v1/replies}:
 * {@code {"id","profileId"|"responseId","text",["channel","author"]}}. Without an id one is made up,
 * and a retry would then be a second reply: the dashboard sends one per message it composes.
 */
public record TeamReplyRequest(String id, String profileId, String responseId, String channel, String text, String author) {

    public static final int MAX_TEXT_LENGTH = 2000;
}
