package dev.touchpoint.domain.interaction;

import dev.touchpoint.domain.feedback.DispatchChannel;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.SubmissionCheck;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.identity.CustomerCheck;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.identity.IdentityType;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.domain.validation.Sent;
import dev.touchpoint.domain.validation.SentTexts;
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
 * Use case: judge a service interaction as sent ({@link InteractionDraft}), every field error at once:
 * {@code {"id","type","occurredAt","touchpoint","customer",["surveyId","delaySeconds","channels"]}}.
 * The customer must be reachable by at least one identifier, or there is nobody to ask.
 */
public final class InteractionCheck {

    public static final Set<String> CHANNELS = Set.copyOf(DispatchChannel.wireNames());
    public static final Set<String> FIELDS = Set.of("id", "type", "occurredAt", "touchpoint", "customer",
            "surveyId", "delaySeconds", "channels");
    private static final Pattern TYPE = Pattern.compile("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$");
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9][a-z0-9._-]{0,63}$");
    private static final long MAX_DELAY_SECONDS = Duration.ofDays(30).toSeconds();

    private final IdentityNormalizer normalizer;
    private final CustomerCheck customers;
    private final Clock clock;

    public InteractionCheck(IdentityNormalizer normalizer, Clock clock) {
        this.normalizer = normalizer;
        this.customers = new CustomerCheck(normalizer);
        this.clock = clock;
    }

    /** @throws InvalidSubmissionException naming every field at fault */
    public ServiceInteraction check(InteractionDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        FieldError.rejectUnknown(draft.unknownFields(), "", FIELDS, errors);
        String id = draft.id() instanceof Sent.Text text
                ? normalizer.opaque(IdentityType.EXTERNAL_ID, text.value()).map(Identity::value).orElse(null) : null;
        if (id == null) {
            errors.add(new FieldError("/id", "Required: your event id (1 to 128 characters of letters, digits and . _ : @ + - /); it makes retries idempotent."));
        }
        String type = draft.type() instanceof Sent.Text text && TYPE.matcher(text.value().trim()).matches() ? text.value().trim() : null;
        if (type == null) {
            errors.add(new FieldError("/type", "Required: a dotted lower-case event type such as service.completed."));
        }
        Instant occurredAt = SubmissionCheck.pastInstant(draft.occurredAt(), "/occurredAt", clock, errors);
        if (draft.occurredAt().isAbsent()) {
            errors.add(new FieldError("/occurredAt", "Required: when the service happened (ISO-8601 with an offset)."));
        }
        String touchpoint = optionalSlug(draft.touchpoint(), "/touchpoint", errors);
        Customer customer = customers.check(draft.customer(), "/customer", errors);
        if (customer.identities().stream().noneMatch(i -> i.type() == IdentityType.EMAIL || i.type() == IdentityType.PHONE)
                && errors.stream().noneMatch(e -> e.pointer().startsWith("/customer"))) {
            errors.add(new FieldError("/customer", "Give an email or a phone: a survey needs somewhere to go."));
        }
        String surveyId = optionalSlug(draft.surveyId(), "/surveyId", errors);
        Duration delay = delay(draft.delaySeconds(), errors);
        List<String> channels = channels(draft.channels(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        return new ServiceInteraction(id, type, occurredAt, touchpoint, customer, surveyId, delay, channels);
    }

    /** What a body that is not even an object is told. */
    public static InvalidSubmissionException notAnObject() {
        return invalid(List.of(new FieldError("", "The body must be a JSON object (the service interaction).")));
    }

    private static InvalidSubmissionException invalid(List<FieldError> errors) {
        return new InvalidSubmissionException("The service interaction is not valid.", errors);
    }

    private static String optionalSlug(Sent sent, String at, List<FieldError> errors) {
        if (sent.isAbsent()) {
            return null;
        }
        String value = sent instanceof Sent.Text text ? text.value().trim().toLowerCase(Locale.ROOT) : "";
        if (!SLUG.matcher(value).matches()) {
            errors.add(new FieldError(at, "Must be 1 to 64 characters: a-z, 0-9, '.', '_' or '-'."));
            return null;
        }
        return value;
    }

    private static Duration delay(Sent sent, List<FieldError> errors) {
        if (sent.isAbsent()) {
            return null;
        }
        if (!(sent instanceof Sent.Whole seconds) || seconds.value() < 0 || seconds.value() > MAX_DELAY_SECONDS) {
            errors.add(new FieldError("/delaySeconds", "Whole seconds from 0 to " + MAX_DELAY_SECONDS + " (30 days)."));
            return null;
        }
        return Duration.ofSeconds(seconds.value());
    }

    private static List<String> channels(SentTexts sent, List<FieldError> errors) {
        if (!sent.sent()) {
            return null;
        }
        List<String> channels = sent.items();
        if (channels.isEmpty() || !CHANNELS.containsAll(channels) || new HashSet<>(channels).size() != channels.size()) {
            errors.add(new FieldError("/channels", "An array of email and/or sms, in order of preference, each once."));
            return null;
        }
        return channels;
    }
}
