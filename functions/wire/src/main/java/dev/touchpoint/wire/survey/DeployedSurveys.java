package dev.touchpoint.wire.survey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.survey.InvalidSurveyException;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.Touchpoint;
import dev.touchpoint.domain.survey.TouchpointCatalog;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The surveys and touchpoints that ship with the deployment, read from the classpath (the
 * touchpoint-surveys module) and validated once, at start-up: {@code surveys/catalog.json} names the
 * surveys, each read from {@code surveys/<id>.json}; {@code surveys/touchpoints.json} lists the
 * touchpoints, every one's survey deployed.
 */
public final class DeployedSurveys {

    private static final String TOUCHPOINTS = "surveys/touchpoints.json";
    private static final Pattern TOUCHPOINT_ID = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    /** The channels an anonymous visitor answers a touchpoint on. */
    private static final Set<Channel> ANONYMOUS_CHANNELS = EnumSet.of(Channel.KIOSK, Channel.QR, Channel.WEB, Channel.APP);

    private DeployedSurveys() {
    }

    public static SurveyCatalog catalog() {
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

    /** The touchpoints on the classpath, each one's survey checked against {@code surveys}. */
    public static TouchpointCatalog touchpoints(SurveyCatalog surveys) {
        return touchpoints(StrictJson.read(resource(TOUCHPOINTS)), surveys);
    }

    static TouchpointCatalog touchpoints(JsonNode root, SurveyCatalog surveys) {
        List<FieldError> errors = new ArrayList<>();
        List<Touchpoint> touchpoints = new ArrayList<>();
        JsonNode list = root.path("touchpoints");
        for (int i = 0; i < list.size(); i++) {
            String at = "/touchpoints/" + i;
            JsonNode node = list.get(i);
            String id = node.path("id").asText("");
            if (!TOUCHPOINT_ID.matcher(id).matches()) {
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
            throw new InvalidSurveyException(TOUCHPOINTS, errors);
        }
        return new TouchpointCatalog(touchpoints);
    }

    private static String resource(String name) {
        try (InputStream in = DeployedSurveys.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the classpath (the touchpoint-surveys module)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
