package dev.touchpoint.domain.survey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.json.StrictJson;
import dev.touchpoint.domain.validation.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The deployment's registered touchpoints, beside its surveys: {@code surveys/touchpoints.json}, read
 * and checked once at start-up (every touchpoint's survey must be deployed; docs/surveys.md).
 */
public final class TouchpointCatalog {

    private static final String FILE = "surveys/touchpoints.json";
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    /** The channels an anonymous visitor answers a touchpoint on. */
    private static final Set<Channel> ANONYMOUS_CHANNELS = EnumSet.of(Channel.KIOSK, Channel.QR, Channel.WEB, Channel.APP);

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

    /** The catalogue on the classpath, each touchpoint's survey checked against {@code surveys}. */
    public static TouchpointCatalog fromClasspath(SurveyCatalog surveys) {
        try (InputStream in = TouchpointCatalog.class.getClassLoader().getResourceAsStream(FILE)) {
            if (in == null) {
                throw new IllegalStateException("no " + FILE + " on the classpath (the touchpoint-surveys module)");
            }
            return read(StrictJson.read(new String(in.readAllBytes(), StandardCharsets.UTF_8)), surveys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TouchpointCatalog read(JsonNode root, SurveyCatalog surveys) {
        List<FieldError> errors = new ArrayList<>();
        List<Touchpoint> touchpoints = new ArrayList<>();
        JsonNode list = root.path("touchpoints");
        for (int i = 0; i < list.size(); i++) {
            String at = "/touchpoints/" + i;
            JsonNode node = list.get(i);
            String id = node.path("id").asText("");
            if (!ID.matcher(id).matches()) {
                errors.add(new FieldError(at + "/id", "1–64 of a-z 0-9 . _ -"));
            }
            String surveyId = node.path("surveyId").asText("");
            if (surveys.byId(surveyId).isEmpty()) {
                errors.add(new FieldError(at + "/surveyId", "Must name a deployed survey."));
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            node.path("channels").forEach(c -> Channel.fromWireName(c.asText()).filter(ANONYMOUS_CHANNELS::contains)
                    .ifPresentOrElse(channels::add, () -> errors.add(new FieldError(at + "/channels", "Each one of kiosk, qr, web, app."))));
            touchpoints.add(new Touchpoint(id, node.path("name").asText(id), node.path("kind").asText("store"), surveyId, channels));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSurveyException(FILE, errors);
        }
        return new TouchpointCatalog(touchpoints);
    }

    public Optional<Touchpoint> byId(String id) {
        return Optional.ofNullable(touchpoints.get(id));
    }

    public Collection<Touchpoint> all() {
        return touchpoints.values();
    }
}
