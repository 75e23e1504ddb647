package dev.touchpoint.domain.survey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.json.StrictJson;
import dev.touchpoint.domain.validation.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every survey that ships with the deployment: {@code surveys/catalog.json} on the classpath names
 * them, and each is read from {@code surveys/<id>.json} and validated once, at start-up.
 */
public final class SurveyCatalog {

    private final Map<String, SurveyDefinition> surveys;

    public SurveyCatalog(List<SurveyDefinition> surveys) {
        Map<String, SurveyDefinition> byId = new LinkedHashMap<>();
        surveys.forEach(s -> {
            if (byId.put(s.id(), s) != null) {
                throw new IllegalArgumentException("two surveys named " + s.id());
            }
        });
        this.surveys = Map.copyOf(byId);
    }

    public static SurveyCatalog fromClasspath() {
        JsonNode catalog = StrictJson.read(resource("surveys/catalog.json"));
        List<SurveyDefinition> surveys = new ArrayList<>();
        catalog.path("surveys").forEach(id -> {
            String file = "surveys/" + id.asText() + ".json";
            SurveyDefinition survey = SurveyReader.read(StrictJson.read(resource(file)), file);
            if (!survey.id().equals(id.asText())) {
                throw new InvalidSurveyException(file, List.of(new FieldError("/id",
                        "Must match its file name and its catalog entry: " + id.asText() + ".")));
            }
            surveys.add(survey);
        });
        return new SurveyCatalog(surveys);
    }

    private static String resource(String name) {
        try (InputStream in = SurveyCatalog.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the classpath (the touchpoint-surveys module)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<SurveyDefinition> byId(String id) {
        return Optional.ofNullable(surveys.get(id));
    }

    /** The survey a service event of this type triggers, if any. */
    public Optional<SurveyDefinition> triggeredBy(String eventType) {
        return surveys.values().stream()
                .filter(s -> s.trigger().map(t -> t.eventType().equals(eventType)).orElse(false))
                .findFirst();
    }

    public Collection<SurveyDefinition> all() {
        return surveys.values();
    }
}
