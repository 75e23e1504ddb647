package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.domain.json.StrictJson;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.SurveyQuestion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The web widget: {@code GET /widget.js} (the script a site embeds) and {@code GET /w/surveys/{id}}
 * (a survey in one language, as the widget renders it). Both are public and readable from any
 * origin: they hold no data, and submitting still needs a publishable key from an allowed origin.
 */
final class WidgetRoute {

    private final SurveyCatalog surveys;
    private final String script;

    WidgetRoute(SurveyCatalog surveys) {
        this.surveys = surveys;
        try (InputStream in = WidgetRoute.class.getResourceAsStream("/web/widget.js")) {
            this.script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    APIGatewayV2HTTPResponse script() {
        return HttpResponses.withHeaders(HttpResponses.content(200, "application/javascript; charset=utf-8", script),
                Map.of("access-control-allow-origin", "*", "cache-control", "public, max-age=300"));
    }

    APIGatewayV2HTTPResponse survey(HttpRequest request, String surveyId) {
        return surveys.byId(surveyId)
                .map(survey -> HttpResponses.withHeaders(HttpResponses.json(200, json(survey,
                        survey.languageFor(request.query().getOrDefault("lang", request.header("accept-language").orElse(null))))),
                        Map.of("access-control-allow-origin", "*")))
                .orElseGet(() -> HttpResponses.withHeaders(HttpResponses.problem(404, "not-found", "No such survey",
                        "No deployed survey has this id.", request.path()), Map.of("access-control-allow-origin", "*")));
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
