package dev.touchpoint.domain.survey;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The deployment's registered touchpoints, beside its surveys, checked once at start-up: every
 * touchpoint's survey must be deployed (docs/surveys.md; the wire module's {@code DeployedSurveys}
 * reads {@code surveys/touchpoints.json}).
 */
public final class TouchpointCatalog {

    private final Map<String, Touchpoint> touchpoints;

    public TouchpointCatalog(Collection<Touchpoint> touchpoints) {
        Map<String, Touchpoint> byId = new LinkedHashMap<>();
        touchpoints.forEach(t -> {
            if (byId.put(t.id(), t) != null) {
                throw new IllegalArgumentException("two touchpoints named " + t.id());
            }
        });
        this.touchpoints = Map.copyOf(byId);
    }

    public Optional<Touchpoint> byId(String id) {
        return Optional.ofNullable(touchpoints.get(id));
    }

    public Collection<Touchpoint> all() {
        return touchpoints.values();
    }
}
