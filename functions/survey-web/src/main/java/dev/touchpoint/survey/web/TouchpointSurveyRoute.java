package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.IdempotencyKeys;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.survey.SurveyAnswers;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code GET|POST /k/{touchpoint}} (kiosk: anonymous, big targets, back to the start after the
 * thank-you) and {@code GET|POST /q/{touchpoint}} (the landing of a printed QR code). Each form carries
 * a one-off id, so a double tap or a resubmitted form is one response, while the next customer's
 * answer on the same kiosk is a new one.
 */
final class TouchpointSurveyRoute {

    private static final Pattern TOUCHPOINT = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final Pattern FORM_ID = Pattern.compile("^[0-9a-f-]{36}$");

    private final SurveyCatalog surveys;
    private final String defaultSurveyId;
    private final FeedbackQueue queue;
    private final Clock clock;

    TouchpointSurveyRoute(SurveyCatalog surveys, String defaultSurveyId, FeedbackQueue queue, Clock clock) {
        this.surveys = surveys;
        this.defaultSurveyId = defaultSurveyId;
        this.queue = queue;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse get(HttpRequest request, String touchpoint, SurveyPage.Mode mode) {
        Optional<SurveyDefinition> survey = survey(request, touchpoint);
        if (survey.isEmpty()) {
            return HttpResponses.html(404, SurveyPage.message("Touchpoint", UiText.of("invalidLink", "en"), "en"));
        }
        String language = language(request, survey.get());
        return HttpResponses.html(200, SurveyPage.form(survey.get(), language, mode, action(request, touchpoint, mode),
                Map.of(), Map.of(), Map.of("form", UUID.randomUUID().toString(), "lang", language)));
    }

    APIGatewayV2HTTPResponse post(HttpRequest request, String touchpoint, SurveyPage.Mode mode) {
        Optional<SurveyDefinition> survey = survey(request, touchpoint);
        Optional<Map<String, String>> form = FormBody.read(request);
        if (survey.isEmpty() || form.isEmpty() || !FORM_ID.matcher(form.get().getOrDefault("form", "")).matches()) {
            return HttpResponses.problem(400, "invalid-request", "Not a survey form",
                    "Post the form this page served (application/x-www-form-urlencoded).", request.path());
        }
        String language = survey.get().languageFor(form.get().get("lang"));
        Map<String, String> raw = FormBody.answers(form.get());
        SurveyAnswers.Result result = SurveyAnswers.check(survey.get(), raw);
        if (!result.isValid()) {
            return HttpResponses.html(400, SurveyPage.form(survey.get(), language, mode, action(request, touchpoint, mode),
                    raw, result.problems(), Map.of("form", form.get().get("form"), "lang", language)));
        }
        FeedbackSubmission submission = new FeedbackSubmission(mode.name().toLowerCase(Locale.ROOT) + "-" + form.get().get("form"),
                mode == SurveyPage.Mode.KIOSK ? Channel.KIOSK : Channel.QR, touchpoint, survey.get().id(),
                Customer.ANONYMOUS, result.answers(), null);
        queue.enqueue(FeedbackEvent.accept(submission, IdempotencyKeys.forSubmission(submission), clock.instant()));
        return HttpResponses.html(200, SurveyPage.thanks(survey.get(), language, mode, action(request, touchpoint, mode)));
    }

    private Optional<SurveyDefinition> survey(HttpRequest request, String touchpoint) {
        if (!TOUCHPOINT.matcher(touchpoint).matches()) {
            return Optional.empty();
        }
        return surveys.byId(request.query().getOrDefault("survey", defaultSurveyId));
    }

    private static String language(HttpRequest request, SurveyDefinition survey) {
        return survey.languageFor(request.query().getOrDefault("lang", request.header("accept-language").orElse(null)));
    }

    private static String action(HttpRequest request, String touchpoint, SurveyPage.Mode mode) {
        String survey = request.query().get("survey");
        return (mode == SurveyPage.Mode.KIOSK ? "/k/" : "/q/") + touchpoint
                + (survey != null && TOUCHPOINT.matcher(survey).matches() ? "?survey=" + survey : "");
    }
}
