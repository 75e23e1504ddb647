package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.domain.access.RateLimiter;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.IdempotencyKeys;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.survey.SurveyAnswers;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.Touchpoint;
import dev.touchpoint.domain.survey.TouchpointCatalog;
import dev.touchpoint.wire.feedback.SubmissionWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code GET|POST /k/{touchpoint}} (kiosk: anonymous, big targets, back to the start after the
 * thank-you) and {@code GET|POST /q/{touchpoint}} (the landing of a printed QR code). Only touchpoints
 * registered for kiosk or QR answers are served (an invented {@code store-rival} is a 404), each with
 * its own survey. Answers are limited per touchpoint and per device (the client address), a minute at
 * a time: 429 with {@code retry-after}. Each form carries a one-off id, so a double tap or a
 * resubmitted form is one response, while the next customer's answer on the same kiosk is a new one.
 */
final class TouchpointSurveyRoute {

    private static final Pattern FORM_ID = Pattern.compile("^[0-9a-f-]{36}$");

    /** How many answers a minute a touchpoint, and one device at it, may send (docs/reliability.md). */
    record Limits(int perTouchpoint, int perDevice) {
        static final Limits DEFAULT = new Limits(60, 10);
    }

    private final SurveyCatalog surveys;
    private final TouchpointCatalog touchpoints;
    private final FeedbackQueue queue;
    private final RateLimiter limiter;
    private final Limits limits;
    private final KeyedHashes ids;
    private final Clock clock;

    TouchpointSurveyRoute(SurveyCatalog surveys, TouchpointCatalog touchpoints, FeedbackQueue queue, RateLimiter limiter,
                          Limits limits, KeyedHashes ids, Clock clock) {
        this.surveys = surveys;
        this.touchpoints = touchpoints;
        this.queue = queue;
        this.limiter = limiter;
        this.limits = limits;
        this.ids = ids;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse get(HttpRequest request, String touchpoint, SurveyPage.Mode mode) {
        Optional<SurveyDefinition> survey = survey(touchpoint, mode);
        if (survey.isEmpty()) {
            return notRegistered(request);
        }
        String language = language(request, survey.get());
        return Pages.html(200, SurveyPage.form(survey.get(), language, mode, action(touchpoint, mode),
                Map.of(), Map.of(), Map.of("form", UUID.randomUUID().toString(), "lang", language)));
    }

    APIGatewayV2HTTPResponse post(HttpRequest request, String touchpoint, SurveyPage.Mode mode) {
        Optional<SurveyDefinition> survey = survey(touchpoint, mode);
        if (survey.isEmpty()) {
            return notRegistered(request);
        }
        Optional<Map<String, String>> form = FormBody.read(request);
        if (form.isEmpty() || !FORM_ID.matcher(form.get().getOrDefault("form", "")).matches()) {
            return HttpResponses.problem(400, ProblemType.INVALID_REQUEST,
                    "Post the form this page served (application/x-www-form-urlencoded).", request.path());
        }
        String language = survey.get().languageFor(form.get().get("lang"));
        Map<String, String> raw = FormBody.answers(form.get());
        SurveyAnswers.Result result = SurveyAnswers.check(survey.get(), raw);
        if (!result.isValid()) {
            return Pages.html(400, SurveyPage.form(survey.get(), language, mode, action(touchpoint, mode),
                    raw, result.problems(), Map.of("form", form.get().get("form"), "lang", language)));
        }
        if (!withinLimits(request, touchpoint)) {
            return HttpResponses.withHeaders(Pages.html(429, SurveyPage.message(survey.get().title().in(language,
                    survey.get().defaultLanguage()), UiText.of("tooMany", language), language)), Map.of("retry-after", "60"));
        }
        FeedbackSubmission submission = new FeedbackSubmission(mode.name().toLowerCase(Locale.ROOT) + "-" + form.get().get("form"),
                channel(mode), touchpoint, survey.get().id(), Customer.ANONYMOUS, result.answers(), null);
        queue.enqueue(FeedbackEvent.accept(submission, IdempotencyKeys.forSubmission(submission, SubmissionWriter::canonical), ids, clock.instant()));
        return Pages.html(200, SurveyPage.thanks(survey.get(), language, mode, action(touchpoint, mode)));
    }

    /** The device's limit first, so that one device's flood does not use up its touchpoint's minute. */
    private boolean withinLimits(HttpRequest request, String touchpoint) {
        return limiter.allow("touchpoint#" + touchpoint + "#" + request.sourceIp(), limits.perDevice(), clock.instant())
                && limiter.allow("touchpoint#" + touchpoint, limits.perTouchpoint(), clock.instant());
    }

    /** The survey of a touchpoint registered for this mode's channel. */
    private Optional<SurveyDefinition> survey(String touchpoint, SurveyPage.Mode mode) {
        return touchpoints.byId(touchpoint).filter(t -> t.allows(channel(mode))).map(Touchpoint::surveyId).flatMap(surveys::byId);
    }

    private static Channel channel(SurveyPage.Mode mode) {
        return mode == SurveyPage.Mode.KIOSK ? Channel.KIOSK : Channel.QR;
    }

    private static APIGatewayV2HTTPResponse notRegistered(HttpRequest request) {
        return Pages.html(404, SurveyPage.message("Touchpoint", UiText.of("invalidLink", "en"), "en"));
    }

    private static String language(HttpRequest request, SurveyDefinition survey) {
        return survey.languageFor(request.query().getOrDefault("lang", request.header("accept-language").orElse(null)));
    }

    private static String action(String touchpoint, SurveyPage.Mode mode) {
        return (mode == SurveyPage.Mode.KIOSK ? "/k/" : "/q/") + touchpoint;
    }
}
