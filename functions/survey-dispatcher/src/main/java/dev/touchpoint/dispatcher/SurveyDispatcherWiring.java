package dev.touchpoint.dispatcher;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.DynamoDbDailySendCap;
import dev.touchpoint.aws.dynamodb.DynamoDbFunnelCounters;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbSuppressionList;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.ses.SesClients;
import dev.touchpoint.aws.ses.SesEmailSender;
import dev.touchpoint.aws.sns.SnsClients;
import dev.touchpoint.aws.sns.SnsSmsSender;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.invitation.EmailSender;
import dev.touchpoint.domain.invitation.InvitationDispatcher;
import dev.touchpoint.domain.invitation.SmsSender;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.wire.survey.DeployedSurveys;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Composition root of survey-dispatcher, from its settings ({@link SurveyDispatcherSettings}) and its
 * secret, {@code TOUCHPOINT_SURVEY_TOKEN_KEY} (or, in AWS, {@code …_SECRET_ARN}).
 */
public final class SurveyDispatcherWiring {

    private SurveyDispatcherWiring() {
    }

    public static InvitationDispatcher build(Environment env) {
        return build(env, new SesEmailSender(SesClients.create(env)), new SnsSmsSender(SnsClients.create(env)));
    }

    /** With other senders: the local runtime's outbox. */
    public static InvitationDispatcher build(Environment env, EmailSender email, SmsSender sms) {
        SurveyDispatcherSettings settings = SurveyDispatcherSettings.from(env);
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        String table = settings.table();
        DynamoDbClients.firstCall(env, dynamo, table);
        return new InvitationDispatcher(new DynamoDbInvitationRepository(dynamo, table),
                new DynamoDbProfileRepository(dynamo, table), DeployedSurveys.catalog(), tokens(env), email, sms,
                new DynamoDbDailySendCap(dynamo, table), new DynamoDbFunnelCounters(dynamo, table), settings.dispatch(),
                new DynamoDbSuppressionList(dynamo, table), KeyedHashes.fromText(tokenKey(env)), Clock.systemUTC());
    }

    static SurveyTokens tokens(Environment env) {
        return SurveyTokens.fromText(tokenKey(env));
    }

    private static String tokenKey(Environment env) {
        return SecretSettings.required(env, Setting.SURVEY_TOKEN_KEY);
    }
}
