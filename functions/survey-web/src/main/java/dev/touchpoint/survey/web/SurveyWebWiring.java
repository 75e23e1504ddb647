package dev.touchpoint.survey.web;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbPrimes;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbRateLimiter;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbSuppressionList;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.aws.sqs.SqsPrimes;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.access.RateLimiter;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.TouchpointCatalog;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import dev.touchpoint.wire.survey.DeployedSurveys;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Composition root of survey-web, from its settings ({@link SurveyWebSettings}) and its secret,
 * {@code TOUCHPOINT_SURVEY_TOKEN_KEY} (or {@code …_SECRET_ARN}). Kiosks and QR codes ask their
 * registered touchpoint's survey ({@code surveys/touchpoints.json}).
 */
public final class SurveyWebWiring {

    private SurveyWebWiring() {
    }

    /** The survey catalogue loads on a thread of its own while the clients are built. */
    public static SurveyWeb build(Environment env) {
        SurveyWebSettings settings = SurveyWebSettings.from(env);
        Supplier<SurveyCatalog> catalogue = AheadOfFirstEvent.supply(env, "survey catalogue", DeployedSurveys::catalog);
        SqsClient sqs = SqsClients.create(env);
        SqsClients.firstCall(env, sqs, settings.queueUrl());
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        DynamoDbClients.firstCall(env, dynamo, settings.table());
        return build(env, settings, new SqsFeedbackQueue(sqs, settings.queueUrl()), catalogue,
                new DynamoDbRateLimiter(dynamo, settings.table()), dynamo);
    }

    private static SurveyWeb build(Environment env, SurveyWebSettings settings, FeedbackQueue queue, Supplier<SurveyCatalog> catalogue,
                                   RateLimiter limiter, DynamoDbClient dynamo) {
        Clock clock = Clock.systemUTC();
        String table = settings.table();
        SurveyCatalog surveys = catalogue.get();
        TouchpointCatalog touchpoints = DeployedSurveys.touchpoints(surveys);
        String tokenKey = SecretSettings.required(env, Setting.SURVEY_TOKEN_KEY);
        SurveyTokens tokens = SurveyTokens.fromText(tokenKey);
        return new SurveyWeb(
                new InvitationSurveyRoute(tokens, new DynamoDbInvitationRepository(dynamo, table),
                        new DynamoDbProfileRepository(dynamo, table), surveys, queue, new DynamoDbSuppressionList(dynamo, table),
                        new DynamoDbResponseRepository(dynamo, table), clock),
                new TouchpointSurveyRoute(surveys, touchpoints, queue, limiter, new TouchpointSurveyRoute.Limits(
                        settings.touchpointRateLimit(), settings.deviceRateLimit()),
                        KeyedHashes.fromText(tokenKey), clock),
                new QrCodeRoute(settings.publicUrl(), touchpoints),
                new WidgetRoute(surveys));
    }

    /**
     * SnapStart priming (no side effects): every page a visitor can ask for, served by a survey-web like
     * this one whose queue only encodes — a kiosk page, a kiosk answer (encoded, not sent), a QR landing
     * and its code, the widget (alone and with its survey), an invitation link that does not verify — then the DynamoDB read and
     * SQS send paths of the real clients (see {@link Priming}).
     */
    public static void prime(Environment env) {
        SurveyWebSettings settings = SurveyWebSettings.from(env);
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        SurveyWeb offline = build(env, settings, QueueMessageCodec::encode, DeployedSurveys::catalog, (bucket, limit, now) -> true, dynamo);
        String touchpoint = DeployedSurveys.touchpoints(DeployedSurveys.catalog()).all().iterator().next().id();
        String form = "form=" + UUID.randomUUID() + "&lang=en&q_nps=9&q_comment=priming";
        for (HttpRequest request : new HttpRequest[] {
                request("GET", "/k/" + touchpoint, null), request("POST", "/k/" + touchpoint, form), request("GET", "/q/" + touchpoint, null),
                request("GET", "/v1/touchpoints/" + touchpoint + "/qr.svg", null), request("GET", "/widget.js", null),
                Priming.httpRequest("GET", "/widget.js", Map.of("survey", "post-service"), Map.of(), null),
                request("GET", "/w/surveys/post-service", null), request("GET", "/s/priming-not-a-token", null)}) {
            offline.handle(request, line -> { });
        }
        DynamoDbPrimes.touch(dynamo, settings.table());
        SqsPrimes.touch(SqsClients.create(env), settings.queueUrl());
    }

    private static HttpRequest request(String method, String path, String form) {
        return Priming.httpRequest(method, path, form == null ? Map.of() : Map.of("content-type", "application/x-www-form-urlencoded"), form);
    }
}
