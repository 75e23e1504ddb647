package dev.touchpoint.domain.invitation;

import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.SurveyQuestion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the invitation in the customer's language from the survey definition: an email whose score
 * scale is one-click links (each opens the survey page with the score filled in), with RFC 8058
 * one-click unsubscribe headers and a {@code reply+<token>@} reply-to; or a short SMS with the link,
 * "reply with 0–10", and the opt-out instruction.
 */
public final class InvitationMessages {

    private final DispatchSettings settings;

    public InvitationMessages(DispatchSettings settings) {
        this.settings = settings;
    }

    public OutgoingEmail email(Invitation invitation, SurveyDefinition survey, String language, String to, String token) {
        String surveyLink = settings.link("/s/" + token);
        String unsubscribe = surveyLink + "?unsubscribe=1";
        String replyTo = "reply+" + token + "@" + settings.replyDomain();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribe + ">, <mailto:" + replyTo + "?subject=unsubscribe>");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        Optional<SurveyQuestion> score = survey.leadingScoreQuestion();
        return new OutgoingEmail(invitation.id(), to, settings.senderEmail(), replyTo,
                survey.message("emailSubject", language),
                html(survey, language, surveyLink, unsubscribe, score),
                text(survey, language, surveyLink, unsubscribe, score),
                headers, settings.configurationSet(), language);
    }

    public OutgoingSms sms(Invitation invitation, SurveyDefinition survey, String language, String to, String token) {
        String body = survey.message("smsInvite", language).replace("{link}", settings.link("/s/" + token))
                + " " + survey.message("optOutHint", language);
        return new OutgoingSms(invitation.id(), to, body, settings.smsOriginationIdentity(), language);
    }

    private static String html(SurveyDefinition survey, String language, String link, String unsubscribe,
                               Optional<SurveyQuestion> score) {
        StringBuilder html = new StringBuilder()
                .append("<!doctype html><html lang=\"").append(language).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width\"><title>")
                .append(escape(survey.title().in(language, survey.defaultLanguage()))).append("</title></head>")
                .append("<body style=\"font-family:system-ui,sans-serif;max-width:600px;margin:auto;padding:16px\">")
                .append("<h1 style=\"font-size:20px\">").append(escape(survey.title().in(language, survey.defaultLanguage()))).append("</h1>")
                .append("<p>").append(escape(survey.message("emailIntro", language))).append("</p>");
        score.ifPresent(question -> {
            html.append("<p><strong>").append(escape(question.text().in(language, survey.defaultLanguage()))).append("</strong></p><p>");
            for (int value = question.type().min(); value <= question.type().max(); value++) {
                html.append("<a href=\"").append(escape(link)).append("?score=").append(value)
                        .append("\" style=\"display:inline-block;min-width:32px;padding:8px 0;margin:2px;text-align:center;")
                        .append("border:1px solid #888;border-radius:4px;text-decoration:none;color:#111\">")
                        .append(value).append("</a>");
            }
            html.append("</p>");
        });
        return html.append("<p><a href=\"").append(escape(link)).append("\">").append(escape(link)).append("</a></p>")
                .append("<p style=\"font-size:12px;color:#666\"><a href=\"").append(escape(unsubscribe)).append("\">")
                .append(escape(survey.message("unsubscribe", language))).append("</a></p></body></html>")
                .toString();
    }

    private static String text(SurveyDefinition survey, String language, String link, String unsubscribe,
                               Optional<SurveyQuestion> score) {
        StringBuilder text = new StringBuilder()
                .append(survey.title().in(language, survey.defaultLanguage())).append("\n\n")
                .append(survey.message("emailIntro", language)).append("\n\n");
        score.ifPresent(question -> {
            text.append(question.text().in(language, survey.defaultLanguage())).append('\n');
            for (int value = question.type().min(); value <= question.type().max(); value++) {
                text.append(value).append(": ").append(link).append("?score=").append(value).append('\n');
            }
            text.append('\n');
        });
        return text.append(link).append("\n\n").append(survey.message("unsubscribe", language)).append(": ")
                .append(unsubscribe).append('\n').toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }
}
