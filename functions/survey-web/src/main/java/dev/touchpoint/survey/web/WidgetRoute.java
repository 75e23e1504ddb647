package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.SurveyQuestion;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The web widget: {@code GET /widget.js} (the script a site embeds) and {@code GET /w/surveys/{id}}
 * (a survey in one language, as the widget renders it). Both are public and readable from any
 * origin: they hold no data, and submitting still needs a publishable key from an allowed origin.
 * {@code GET /widget.js?survey=<id>} is the same script with that survey in each of its languages
 * already in it, so the widget opens without a request of its own for the survey: one HTTP API request
 * and one invocation fewer per widget opened, and no wait for a round trip when the visitor clicks.
 */
final class WidgetRoute {

    /** Where the script holds its preloaded survey; {@code null} in the script as stored. */
    static final String PRELOADED_SURVEY = "/*PRELOADED_SURVEY*/null";

    private final SurveyCatalog surveys;
    private final String script;

    WidgetRoute(SurveyCatalog surveys) {
        this.surveys = surveys;
        try (InputStream in = WidgetRoute.class.getResourceAsStream("/web/widget.js")) {
            this.script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!script.contains(PRELOADED_SURVEY)) {
            throw new IllegalStateException("widget.js has lost its place for a preloaded survey: " + PRELOADED_SURVEY);
        }
    }

    /** The script; with {@code ?survey=<id>} that survey preloaded in it (404 for a survey not deployed). */
    APIGatewayV2HTTPResponse script(HttpRequest request) {
        String surveyId = request.query().get("survey");
        if (surveyId == null) {
            return script(script);
        }
        return surveys.byId(surveyId)
                .map(survey -> script(script.replace(PRELOADED_SURVEY, StrictJson.write(preloaded(survey)))))
                .orElseGet(() -> notDeployed(request));
    }

    private static APIGatewayV2HTTPResponse script(String body) {
        return HttpResponses.withHeaders(HttpResponses.content(200, "application/javascript; charset=utf-8", body),
                Map.of("access-control-allow-origin", "*", "cache-control", "public, max-age=300"));
    }

    /** The survey in each of its languages, as {@link #json} makes it for one, for the widget to choose from. */
    static ObjectNode preloaded(SurveyDefinition survey) {
        ObjectNode root = StrictJson.object().put("id", survey.id()).put("defaultLanguage", survey.defaultLanguage());
        ObjectNode byLanguage = root.putObject("byLanguage");
        survey.languages().stream().sorted().forEach(language -> byLanguage.set(language, json(survey, language)));
        return root;
    }

    APIGatewayV2HTTPResponse survey(HttpRequest request, String surveyId) {
        return surveys.byId(surveyId)
                .map(survey -> HttpResponses.withHeaders(HttpResponses.json(200, json(survey,
                        survey.languageFor(request.query().getOrDefault("lang", request.header("accept-language").orElse(null))))),
                        Map.of("access-control-allow-origin", "*")))
                .orElseGet(() -> notDeployed(request));
    }

    private static APIGatewayV2HTTPResponse notDeployed(HttpRequest request) {
        return HttpResponses.withHeaders(HttpResponses.problem(404, ProblemType.NOT_FOUND,
                "No deployed survey has this id.", request.path()), Map.of("access-control-allow-origin", "*"));
    }

    static ObjectNode json(SurveyDefinition survey, String language) {
        String fallback = survey.defaultLanguage();
        ObjectNode root = StrictJson.object().put("id", survey.id()).put("language", language)
                .put("title", survey.title().in(language, fallback))
                .put("submit", survey.message("submit", language)).put("thankYou", survey.message("thankYou", language));
        ArrayNode questions = root.putArray("questions");
        for (SurveyQuestion q : survey.questions()) {
            ObjectNode node = questions.addObject().put("id", q.id()).put("type", q.type().wireName())
                    .put("required", q.required()).put("text", q.text().in(language, fallback));
            if (q.type().isScored()) {
                node.put("min", q.type().min()).put("max", q.type().max());
            }
            if (!q.options().isEmpty()) {
                ArrayNode options = node.putArray("options");
                q.options().forEach(o -> options.addObject().put("id", o.id()).put("text", o.text().in(language, fallback)));
            }
        }
        return root;
    }
}
