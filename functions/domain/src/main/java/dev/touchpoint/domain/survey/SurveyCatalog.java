package dev.touchpoint.domain.survey;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every survey that ships with the deployment, each validated once, at start-up (the wire module's
 * {@code DeployedSurveys} reads them from the classpath).
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
