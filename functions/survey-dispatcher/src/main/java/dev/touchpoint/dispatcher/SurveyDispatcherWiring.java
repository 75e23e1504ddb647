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
import dev.touchpoint.domain.invitation.DispatchSettings;
import dev.touchpoint.domain.invitation.EmailSender;
import dev.touchpoint.domain.invitation.InvitationDispatcher;
import dev.touchpoint.domain.invitation.QuietHours;
import dev.touchpoint.domain.invitation.SmsSender;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.wire.survey.DeployedSurveys;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Composition root of survey-dispatcher.
 *
 * <ul>
 *   <li>{@code TOUCHPOINT_TABLE}; {@code TOUCHPOINT_PUBLIC_URL}: where survey links point</li>
 *   <li>{@code TOUCHPOINT_SENDER_EMAIL}, {@code TOUCHPOINT_REPLY_DOMAIN} (default: the sender's domain),
 *       {@code TOUCHPOINT_SES_CONFIGURATION_SET}, {@code TOUCHPOINT_SMS_ORIGINATION}</li>
 *   <li>{@code TOUCHPOINT_DEFAULT_TIME_ZONE} (Europe/Istanbul), {@code TOUCHPOINT_QUIET_HOURS} (21:00-09:00),
 *       {@code TOUCHPOINT_DAILY_SEND_CAP} (10000)</li>
 *   <li>{@code TOUCHPOINT_SURVEY_TOKEN_KEY}, or in AWS {@code TOUCHPOINT_SURVEY_TOKEN_KEY_SECRET_ARN}</li>
 * </ul>
 */
public final class SurveyDispatcherWiring {

    private SurveyDispatcherWiring() {
    }

    public static InvitationDispatcher build(Environment env) {
        return build(env, new SesEmailSender(SesClients.create(env)), new SnsSmsSender(SnsClients.create(env)));
    }

    /** With other senders: the local runtime's outbox. */
    public static InvitationDispatcher build(Environment env, EmailSender email, SmsSender sms) {
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        String table = env.required(Setting.TABLE);
        DynamoDbClients.firstCall(env, dynamo, table);
        return new InvitationDispatcher(new DynamoDbInvitationRepository(dynamo, table),
                new DynamoDbProfileRepository(dynamo, table), DeployedSurveys.catalog(), tokens(env), email, sms,
                new DynamoDbDailySendCap(dynamo, table), new DynamoDbFunnelCounters(dynamo, table), settings(env),
                new DynamoDbSuppressionList(dynamo, table), KeyedHashes.fromText(tokenKey(env)), Clock.systemUTC());
    }

    static SurveyTokens tokens(Environment env) {
        return SurveyTokens.fromText(tokenKey(env));
    }

    private static String tokenKey(Environment env) {
        return SecretSettings.required(env, Setting.SURVEY_TOKEN_KEY);
    }

    public static DispatchSettings settings(Environment env) {
        String sender = env.optional(Setting.SENDER_EMAIL).orElse("survey@touchpoint.invalid");
        String[] quiet = env.optional(Setting.QUIET_HOURS).orElse("21:00-09:00").split("-");
        return new DispatchSettings(
                env.required(Setting.PUBLIC_URL),
                sender,
                env.optional(Setting.REPLY_DOMAIN).orElse(sender.substring(sender.indexOf('@') + 1)),
                env.optional(Setting.SES_CONFIGURATION_SET).orElse(null),
                env.optional(Setting.SMS_ORIGINATION).orElse(null),
                ZoneId.of(env.optional(Setting.DEFAULT_TIME_ZONE).orElse("Europe/Istanbul")),
                new QuietHours(LocalTime.parse(quiet[0].trim()), LocalTime.parse(quiet[1].trim())),
                env.integer(Setting.DAILY_SEND_CAP, DispatchSettings.DEFAULT_DAILY_CAP),
                env.optional(Setting.DAILY_CAP_ACTION).map(action -> switch (action.trim()) {
                    case "drop" -> true;
                    case "defer" -> false;
                    default -> throw new IllegalStateException(Setting.DAILY_CAP_ACTION.variable() + " is defer (the default) or drop");
                }).orElse(false));
    }
}
