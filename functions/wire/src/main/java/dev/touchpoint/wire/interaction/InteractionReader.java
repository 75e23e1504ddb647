package dev.touchpoint.wire.interaction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.domain.feedback.DispatchChannel;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.SubmissionCheck;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.interaction.ServiceInteraction;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.identity.CustomerReader;
import dev.touchpoint.wire.json.Members;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.json.UnknownFields;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads (and writes back) the contract's service interaction:
 * {@code {"id","type","occurredAt","touchpoint","customer",["surveyId","delaySeconds","channels"]}}.
 * The customer must be reachable by at least one identifier, or there is nobody to ask.
 */
public final class InteractionReader {

    public static final Set<String> CHANNELS = Set.copyOf(DispatchChannel.wireNames());
    private static final Set<String> FIELDS = Set.of("id", "type", "occurredAt", "touchpoint", "customer",
            "surveyId", "delaySeconds", "channels");
    private static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final long MAX_DELAY_SECONDS = Duration.ofDays(30).toSeconds();

    private final IdentityNormalizer normalizer;
    private final CustomerReader customers;
    private final Clock clock;

    public InteractionReader(IdentityNormalizer normalizer, Clock clock) {
        this.normalizer = normalizer;
        this.customers = new CustomerReader(normalizer);
        this.clock = clock;
    }

    public ServiceInteraction read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid(List.of(new FieldError("", "The body must be a JSON object (the service interaction).")));
        }
        List<FieldError> errors = new ArrayList<>();
        UnknownFields.reject(root, "", FIELDS, errors);
        String id = root.path("id").isTextual() ? normalizer.opaque(IdentityType.EXTERNAL_ID, root.get("id").textValue())
                .map(Identity::value).orElse(null) : null;
        if (id == null) {
            errors.add(new FieldError("/id", "Required: your event id (1 to 128 characters of letters, digits and . _ : @ + - /); it makes retries idempotent."));
        }
        String type = matching(root, "type", TYPE, "Required: a dotted lower-case event type such as service.completed.", errors);
        Instant occurredAt = SubmissionCheck.pastInstant(Members.sent(root.get("occurredAt")), "/occurredAt", clock, errors);
        if (occurredAt == null && !root.has("occurredAt")) {
            errors.add(new FieldError("/occurredAt", "Required: when the service happened (ISO-8601 with an offset)."));
        }
        String touchpoint = optionalSlug(root, "touchpoint", errors);
        Customer customer = customers.read(root.get("customer"), "/customer", errors);
        if (customer.identities().stream().noneMatch(i -> i.type() == IdentityType.EMAIL || i.type() == IdentityType.PHONE)
                && errors.stream().noneMatch(e -> e.pointer().startsWith("/customer"))) {
            errors.add(new FieldError("/customer", "Give an email or a phone: a survey needs somewhere to go."));
        }
        String surveyId = optionalSlug(root, "surveyId", errors);
        Duration delay = delay(root.get("delaySeconds"), errors);
        List<String> channels = channels(root.get("channels"), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new ServiceInteraction(id, type, occurredAt, touchpoint, customer, surveyId, delay, channels);
    }

    private static InvalidSubmissionException invalid(List<FieldError> errors) {
        return new InvalidSubmissionException("The service interaction is not valid.", errors);
    }

    private static String matching(JsonNode root, String field, Pattern pattern, String problem, List<FieldError> errors) {
        String value = root.path(field).isTextual() ? root.get(field).textValue().trim() : null;
        if (value == null || !pattern.matcher(value).matches()) {
            errors.add(new FieldError("/" + field, problem));
            return null;
        }
        return value;
    }

    private static String optionalSlug(JsonNode root, String field, List<FieldError> errors) {
        if (!root.hasNonNull(field)) {
            return null;
        }
        String value = root.get(field).isTextual() ? root.get(field).textValue().trim().toLowerCase(Locale.ROOT) : "";
        if (!SLUG.matcher(value).matches()) {
            errors.add(new FieldError("/" + field, "Must be 1 to 64 characters: a-z, 0-9, '.', '_' or '-'."));
            return null;
        }
        return value;
    }

    private static Duration delay(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || node.asLong() < 0 || node.asLong() > MAX_DELAY_SECONDS) {
            errors.add(new FieldError("/delaySeconds", "Whole seconds from 0 to " + MAX_DELAY_SECONDS + " (30 days)."));
            return null;
        }
        return Duration.ofSeconds(node.asLong());
    }

    private static List<String> channels(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        List<String> channels = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(c -> channels.add(c.asText("")));
        }
        if (channels.isEmpty() || !CHANNELS.containsAll(channels) || new HashSet<>(channels).size() != channels.size()) {
            errors.add(new FieldError("/channels", "An array of email and/or sms, in order of preference, each once."));
            return null;
        }
        return channels;
    }

    /** Writes the interaction back in the contract's shape (what the queue carries). */
    public static ObjectNode write(ServiceInteraction interaction) {
        ObjectNode root = StrictJson.object();
        root.put("id", interaction.id());
        root.put("type", interaction.type());
        root.put("occurredAt", interaction.occurredAt().toString());
        if (interaction.touchpoint() != null) {
            root.put("touchpoint", interaction.touchpoint());
        }
        ObjectNode customer = root.putObject("customer");
        interaction.customer().identities().forEach(i -> customer.put(i.type().wireName(), i.value()));
        putIfPresent(customer, "name", interaction.customer().name());
        putIfPresent(customer, "locale", interaction.customer().locale());
        putIfPresent(customer, "timeZone", interaction.customer().timeZone());
        putIfPresent(root, "surveyId", interaction.surveyId());
        if (interaction.delay() != null) {
            root.put("delaySeconds", interaction.delay().toSeconds());
        }
        if (interaction.channels() != null) {
            ArrayNode channels = root.putArray("channels");
            interaction.channels().forEach(channels::add);
        }
        return root;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
