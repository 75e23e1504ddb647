package dev.touchpoint.survey.web;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.domain.queue.QueueMessageCodec;
import dev.touchpoint.domain.survey.SurveyCatalog;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Composition root of survey-web: {@code TOUCHPOINT_TABLE}, {@code TOUCHPOINT_QUEUE_URL},
 * {@code TOUCHPOINT_PUBLIC_URL}, {@code TOUCHPOINT_SURVEY_TOKEN_KEY} (or {@code …_SECRET_ARN}), and
 * {@code TOUCHPOINT_KIOSK_SURVEY} (the survey kiosks and QR codes ask, default post-service).
 */
public final class SurveyWebWiring {

    private SurveyWebWiring() {
    }

    /** The survey catalogue loads on a thread of its own while the clients are built. */
    public static SurveyWeb build(Environment env) {
        Supplier<SurveyCatalog> catalogue = AheadOfFirstEvent.supply(env, "survey catalogue", SurveyCatalog::fromClasspath);
        return build(env, new SqsFeedbackQueue(AwsClients.sqs(env), env.required("TOUCHPOINT_QUEUE_URL")), catalogue);
    }

    private static SurveyWeb build(Environment env, FeedbackQueue queue, Supplier<SurveyCatalog> catalogue) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        String table = env.required("TOUCHPOINT_TABLE");
        SurveyCatalog surveys = catalogue.get();
        SurveyTokens tokens = SurveyTokens.fromText(SecretSettings.read(env, "TOUCHPOINT_SURVEY_TOKEN_KEY")
                .orElseThrow(() -> new IllegalStateException("TOUCHPOINT_SURVEY_TOKEN_KEY is not configured")));
        return new SurveyWeb(
                new InvitationSurveyRoute(tokens, new DynamoDbInvitationRepository(dynamo, table),
                        new DynamoDbProfileRepository(dynamo, table), surveys, queue, clock),
                new TouchpointSurveyRoute(surveys, env.optional("TOUCHPOINT_KIOSK_SURVEY").orElse("post-service"), queue, clock),
                new QrCodeRoute(env.required("TOUCHPOINT_PUBLIC_URL")),
                new WidgetRoute(surveys));
    }

    /**
     * SnapStart priming (no side effects): every page a visitor can ask for, served by a survey-web like
     * this one whose queue only encodes — a kiosk page, a kiosk answer (encoded, not sent), a QR landing
     * and its code, the widget (alone and with its survey), an invitation link that does not verify — then the DynamoDB read and
     * SQS send paths of the real clients (see {@link Priming}).
     */
    public static void prime(Environment env) {
        SurveyWeb offline = build(env, QueueMessageCodec::encode, SurveyCatalog::fromClasspath);
        String form = "form=" + UUID.randomUUID() + "&lang=en&q_nps=9&q_comment=priming";
        for (HttpRequest request : new HttpRequest[] {
                request("GET", "/k/priming", null), request("POST", "/k/priming", form), request("GET", "/q/priming", null),
                request("GET", "/v1/touchpoints/priming/qr.svg", null), request("GET", "/widget.js", null),
                Priming.httpRequest("GET", "/widget.js", Map.of("survey", "post-service"), Map.of(), null),
                request("GET", "/w/surveys/post-service", null), request("GET", "/s/priming-not-a-token", null)}) {
            offline.handle(request, line -> { });
        }
        Priming.touch(AwsClients.dynamoDb(env), env.required("TOUCHPOINT_TABLE"));
        Priming.touch(AwsClients.sqs(env), env.required("TOUCHPOINT_QUEUE_URL"));
    }

    private static HttpRequest request(String method, String path, String form) {
        return Priming.httpRequest(method, path, form == null ? Map.of() : Map.of("content-type", "application/x-www-form-urlencoded"), form);
    }
}
