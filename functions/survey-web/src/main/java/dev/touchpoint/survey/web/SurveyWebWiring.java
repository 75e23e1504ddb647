package dev.touchpoint.survey.web;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.domain.survey.SurveyCatalog;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Composition root of survey-web: {@code TOUCHPOINT_TABLE}, {@code TOUCHPOINT_QUEUE_URL},
 * {@code TOUCHPOINT_PUBLIC_URL}, {@code TOUCHPOINT_SURVEY_TOKEN_KEY} (or {@code …_SECRET_ARN}), and
 * {@code TOUCHPOINT_KIOSK_SURVEY} (the survey kiosks and QR codes ask, default post-service).
 */
public final class SurveyWebWiring {

    private SurveyWebWiring() {
    }

    public static SurveyWeb build(Environment env) {
        Clock clock = Clock.systemUTC();
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        String table = env.required("TOUCHPOINT_TABLE");
        FeedbackQueue queue = new SqsFeedbackQueue(AwsClients.sqs(env), env.required("TOUCHPOINT_QUEUE_URL"));
        SurveyCatalog surveys = SurveyCatalog.fromClasspath();
        SurveyTokens tokens = SurveyTokens.fromText(SecretSettings.read(env, "TOUCHPOINT_SURVEY_TOKEN_KEY")
                .orElseThrow(() -> new IllegalStateException("TOUCHPOINT_SURVEY_TOKEN_KEY is not configured")));
        return new SurveyWeb(
                new InvitationSurveyRoute(tokens, new DynamoDbInvitationRepository(dynamo, table),
                        new DynamoDbProfileRepository(dynamo, table), surveys, queue, clock),
                new TouchpointSurveyRoute(surveys, env.optional("TOUCHPOINT_KIOSK_SURVEY").orElse("post-service"), queue, clock),
                new QrCodeRoute(env.required("TOUCHPOINT_PUBLIC_URL")),
                new WidgetRoute(surveys));
    }
}
