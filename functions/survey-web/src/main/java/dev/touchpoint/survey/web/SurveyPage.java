package dev.touchpoint.survey.web;

import static dev.touchpoint.survey.web.Html.escape;

import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.survey.SurveyAnswers.Problem;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.SurveyQuestion;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Renders a survey as one plain, accessible HTML form: each question a fieldset with a legend, scales
 * as radio buttons big enough to tap, errors announced next to their question. It works with
 * JavaScript off; with it on, a small script stops double submits and (in kiosk mode) returns to the
 * start after the thank-you.
 */
final class SurveyPage {

    /** How the page is used: a personal invitation, a shared kiosk (bigger targets, resets), a QR landing. */
    enum Mode { INVITATION, KIOSK, QR }

    /**
     * A line above the form. With a score to send ({@code questionId}, {@code score}), the page posts that
     * score itself as it opens, then shows {@code recorded} instead of {@code text}.
     */
    record Notice(String text, String recorded, String questionId, String score) {
        static Notice of(String text) {
            return new Notice(text, null, null, null);
        }
    }

    private static final String STYLE = """
            *{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1a1a1a;background:#f6f7f9}
            main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:1.4rem}fieldset{border:0;margin:0 0 1.5rem;padding:0}
            legend{font-weight:600;margin-bottom:.5rem}.scale{display:grid;gap:.25rem}
            .scale label{text-align:center;border:2px solid #8a8f98;border-radius:.4rem;padding:.6rem 0;background:#fff;cursor:pointer;min-width:0}
            .scale input{position:absolute;opacity:0}.scale input:checked+span{font-weight:700}
            .scale label:has(input:checked){background:#1f5fbf;color:#fff;border-color:#1f5fbf}
            .scale input:focus-visible+span{outline:3px solid #f5a623;outline-offset:4px}
            .ends{display:flex;justify-content:space-between;font-size:.85rem;color:#555;margin-top:.3rem}
            textarea{width:100%;min-height:6rem;font:inherit;padding:.5rem;border:2px solid #8a8f98;border-radius:.4rem}
            .choice label{display:block;padding:.5rem 0}.error{color:#b00020;font-weight:600;margin:.3rem 0}
            button{font:inherit;font-size:1.1rem;padding:.8rem 2rem;border:0;border-radius:.4rem;background:#1f5fbf;color:#fff;cursor:pointer}
            .kiosk main{max-width:60rem}.kiosk h1{font-size:2rem}.kiosk .scale{gap:.5rem}.kiosk .scale label{padding:1.4rem 0;font-size:1.5rem}
            .kiosk button{font-size:1.6rem;padding:1.2rem 3rem}.thanks{font-size:1.3rem;padding:2rem 0}
            .notice{background:#eef4fd;border-left:4px solid #1f5fbf;padding:.6rem .8rem}
            """;

    /**
     * The score clicked in an invitation email, posted by the page as it opens: a link scanner that only
     * fetches the link records nothing, a customer's browser records the click at once.
     */
    private static final String SEND_CLICKED_SCORE = """
            (function(){var f=document.querySelector('form[data-send-score]');if(!f||!window.fetch){return;}
            var body=new URLSearchParams();body.append('q_'+f.getAttribute('data-send-question'),f.getAttribute('data-send-score'));
            fetch(f.getAttribute('action'),{method:'POST',headers:{'content-type':'application/x-www-form-urlencoded'},body:body.toString(),
            credentials:'omit'}).then(function(r){var n=document.getElementById('notice');if(r.ok&&n){n.textContent=n.getAttribute('data-recorded');
            n.setAttribute('data-state','recorded');}});})();""";

    /** The pages' one script: a second press of Send is ignored, and a clicked score is posted as the page opens. */
    static final String SCRIPT = "document.querySelector('form').addEventListener('submit',function(e){var b=this.querySelector('button');"
            + "if(b.disabled){e.preventDefault();}b.disabled=true;});" + SEND_CLICKED_SCORE;

    /**
     * The CSP source that allows {@link #SCRIPT} and no other inline script: its SHA-256 (CSP level 2). A
     * hash of a constant rather than a nonce: no per-answer secret to make and thread through rendering,
     * and nothing a customer typed into a page can ever match it.
     */
    static final String SCRIPT_SOURCE = "'sha256-" + Base64.getEncoder().encodeToString(sha256(SCRIPT)) + "'";

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private SurveyPage() {
    }

    static String form(SurveyDefinition survey, String language, Mode mode, String action, Map<String, String> values,
                       Map<String, Problem> problems, Map<String, String> hidden) {
        return form(survey, language, mode, action, values, problems, hidden, null);
    }

    static String form(SurveyDefinition survey, String language, Mode mode, String action, Map<String, String> values,
                       Map<String, Problem> problems, Map<String, String> hidden, Notice notice) {
        StringBuilder html = start(survey.title().in(language, survey.defaultLanguage()), language, mode);
        if (notice != null) {
            html.append("<p class=\"notice\" id=\"notice\" role=\"status\"")
                    .append(notice.recorded() == null ? "" : " data-recorded=\"" + escape(notice.recorded()) + "\"")
                    .append('>').append(escape(notice.text())).append("</p>");
        }
        html.append("<form method=\"post\" action=\"").append(escape(action)).append("\" novalidate");
        if (notice != null && notice.score() != null) {
            html.append(" data-send-question=\"").append(escape(notice.questionId())).append("\" data-send-score=\"")
                    .append(escape(notice.score())).append('"');
        }
        html.append('>');
        hidden.forEach((name, value) -> html.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\">"));
        if (problems.containsKey("")) {
            html.append("<p class=\"error\" role=\"alert\">").append(escape(UiText.problem(problems.get(""), language))).append("</p>");
        }
        for (SurveyQuestion question : survey.questions()) {
            question(html, survey, question, language, values.getOrDefault(question.id(), ""), problems.get(question.id()));
        }
        html.append("<button type=\"submit\">").append(escape(survey.message("submit", language))).append("</button></form>");
        html.append("<script>").append(SCRIPT).append("</script>");
        return end(html);
    }

    private static void question(StringBuilder html, SurveyDefinition survey, SurveyQuestion question, String language,
                                 String value, Problem problem) {
        String name = "q_" + question.id();
        String errorId = name + "_error";
        html.append("<fieldset").append(problem == null ? "" : " aria-invalid=\"true\" aria-describedby=\"" + errorId + "\"")
                .append("><legend>").append(escape(question.text().in(language, survey.defaultLanguage())))
                .append(question.required() ? " *" : "").append("</legend>");
        if (problem != null) {
            html.append("<p class=\"error\" id=\"").append(errorId).append("\" role=\"alert\">")
                    .append(escape(UiText.problem(problem, language))).append("</p>");
        }
        AnswerType type = question.type();
        if (type.isScored()) {
            html.append("<div class=\"scale\" style=\"grid-template-columns:repeat(").append(type.max() - type.min() + 1)
                    .append(",1fr)\">");
            for (int score = type.min(); score <= type.max(); score++) {
                String id = name + "_" + score;
                html.append("<label for=\"").append(id).append("\"><input type=\"radio\" id=\"").append(id)
                        .append("\" name=\"").append(name).append("\" value=\"").append(score).append('"')
                        .append(Integer.toString(score).equals(value) ? " checked" : "").append("><span>").append(score)
                        .append("</span></label>");
            }
            html.append("</div>");
            if (question.lowLabel() != null && question.highLabel() != null) {
                html.append("<div class=\"ends\" aria-hidden=\"true\"><span>").append(escape(question.lowLabel().in(language, survey.defaultLanguage())))
                        .append("</span><span>").append(escape(question.highLabel().in(language, survey.defaultLanguage()))).append("</span></div>");
            }
        } else if (type == AnswerType.CHOICE) {
            html.append("<div class=\"choice\">");
            for (SurveyQuestion.Option option : question.options()) {
                html.append("<label><input type=\"radio\" name=\"").append(name).append("\" value=\"").append(escape(option.id()))
                        .append('"').append(option.id().equals(value) ? " checked" : "").append("> ")
                        .append(escape(option.text().in(language, survey.defaultLanguage()))).append("</label>");
            }
            html.append("</div>");
        } else {
            html.append("<label class=\"visually-hidden\" for=\"").append(name).append("\"></label><textarea id=\"").append(name)
                    .append("\" name=\"").append(name).append("\" maxlength=\"5000\" aria-label=\"")
                    .append(escape(question.text().in(language, survey.defaultLanguage()))).append("\">")
                    .append(escape(value)).append("</textarea>");
        }
        html.append("</fieldset>");
    }

    /** The thank-you; in kiosk mode it returns to the empty form after a few seconds, with or without JavaScript. */
    static String thanks(SurveyDefinition survey, String language, Mode mode, String restartUrl) {
        return thanks(survey, language, mode, restartUrl, null);
    }

    /** The same, with a note under it (how long an invitation's answer may still be changed). */
    static String thanks(SurveyDefinition survey, String language, Mode mode, String restartUrl, String note) {
        StringBuilder html = start(survey.title().in(language, survey.defaultLanguage()), language, mode);
        if (mode == Mode.KIOSK) {
            html.insert(html.indexOf("</head>"), "<meta http-equiv=\"refresh\" content=\"5;url=" + escape(restartUrl) + "\">");
        }
        html.append("<p class=\"thanks\" role=\"status\">").append(escape(survey.message("thankYou", language))).append("</p>");
        if (note != null) {
            html.append("<p class=\"note\"><a href=\"").append(escape(restartUrl)).append("\">").append(escape(note)).append("</a></p>");
        }
        return end(html);
    }

    static String message(String title, String text, String language) {
        StringBuilder html = start(title, language, Mode.INVITATION);
        html.append("<p class=\"thanks\" role=\"status\">").append(escape(text)).append("</p>");
        return end(html);
    }

    static String unsubscribeForm(String action, String language) {
        StringBuilder html = start(UiText.of("unsubscribeAsk", language), language, Mode.INVITATION);
        html.append("<form method=\"post\" action=\"").append(escape(action)).append("\">")
                .append("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">")
                .append("<button type=\"submit\">OK</button></form>");
        return end(html);
    }

    private static StringBuilder start(String title, String language, Mode mode) {
        return new StringBuilder(8192)
                .append("<!doctype html><html lang=\"").append(escape(language)).append("\"")
                .append(mode == Mode.KIOSK ? " class=\"kiosk\"" : "").append("><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>").append(escape(title)).append("</title><style>")
                .append(STYLE).append("</style></head><body><main><h1>").append(escape(title)).append("</h1>");
    }

    private static String end(StringBuilder html) {
        return html.append("</main></body></html>").toString();
    }
}
