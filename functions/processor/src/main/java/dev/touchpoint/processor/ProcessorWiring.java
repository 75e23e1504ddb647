package dev.touchpoint.processor;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbClients;
import dev.touchpoint.aws.dynamodb.DynamoDbFunnelCounters;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbPrimes;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbSuppressionList;
import dev.touchpoint.aws.dynamodb.DynamoDbThreadRepository;
import dev.touchpoint.aws.logging.JsonLines;
import dev.touchpoint.aws.metrics.EmfMetrics;
import dev.touchpoint.aws.secrets.SecretSettings;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.sqs.SqsClients;
import dev.touchpoint.aws.sqs.SqsClosedLoopQueue;
import dev.touchpoint.aws.sqs.SqsDeadLetterQueue;
import dev.touchpoint.aws.sqs.SqsPrimes;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.domain.conversation.ConversationRouter;
import dev.touchpoint.domain.conversation.DeliveryStatuses;
import dev.touchpoint.domain.conversation.ReplySender;
import dev.touchpoint.domain.conversation.TeamReplies;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.invitation.InvitationScheduler;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.profile.CustomerLanguage;
import dev.touchpoint.domain.profile.IdentityResolver;
import dev.touchpoint.domain.profile.LanguageGuesser;
import dev.touchpoint.domain.response.ClosedLoop;
import dev.touchpoint.domain.response.DetractorAlerts;
import dev.touchpoint.domain.response.FeedbackRecorder;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.webhook.OutgoingWebhooks;
import dev.touchpoint.processor.language.NgramLanguageGuesser;
import dev.touchpoint.processor.replies.MeteredReplySender;
import dev.touchpoint.processor.replies.ProviderReplySender;
import dev.touchpoint.wire.feedback.SubmissionReader;
import dev.touchpoint.wire.feedback.SubmissionWriter;
import dev.touchpoint.wire.interaction.InteractionReader;
import dev.touchpoint.wire.json.StrictJson;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import dev.touchpoint.wire.survey.DeployedSurveys;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Composition root of the processor: its settings are {@link ProcessorSettings}. */
public final class ProcessorWiring {

    private ProcessorWiring() {
    }

    public static FeedbackBatchProcessor build(Environment env) {
        return build(env, new ProviderReplySender(env));
    }

    /**
     * Detractor alerts and webhook deliveries go to the closed-loop queue
     * ({@code TOUCHPOINT_CLOSED_LOOP_QUEUE_URL}) for the closed-loop function to send; without that
     * queue neither is raised (and the start-up log says so).
     */
    private static ClosedLoop closedLoop(ProcessorSettings settings, SqsClient sqs) {
        Optional<String> queueUrl = settings.closedLoopQueueUrl();
        if (queueUrl.isEmpty()) {
            JsonLines.of("processor", (String) null).warn("config.missing", null,
                    Setting.CLOSED_LOOP_QUEUE_URL.variable() + " not set; no detractor alerts or webhooks");
            return new ClosedLoop(new DetractorAlerts(alert -> { }), OutgoingWebhooks.none());
        }
        SqsClosedLoopQueue queue = new SqsClosedLoopQueue(sqs, queueUrl.get());
        return new ClosedLoop(new DetractorAlerts(queue), new OutgoingWebhooks(settings.webhookEndpoints(), queue, Clock.systemUTC()));
    }

    /** With another reply sender: the local runtime's outbox. */
    public static FeedbackBatchProcessor build(Environment env, ReplySender unmetered) {
        ProcessorSettings settings = ProcessorSettings.from(env);
        EmfMetrics metrics = EmfMetrics.from(env, "processor");
        ReplySender replies = new MeteredReplySender(unmetered, metrics);
        // libphonenumber loads on a thread of its own while the clients are built, before the normaliser below.
        AheadOfFirstEvent.startPhoneRules(env, settings.phoneRegion());
        // One client per service for the container: the DLQ and the closed-loop queue share the SQS one.
        SqsClient sqs = SqsClients.create(env);
        settings.queueUrl().ifPresent(queue -> SqsClients.firstCall(env, sqs, queue));
        ClosedLoop closedLoop = closedLoop(settings, sqs);
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        String table = settings.table();
        DynamoDbClients.firstCall(env, dynamo, table);
        IdentityNormalizer normalizer = new IdentityNormalizer(settings.phoneRegion());
        // Each repository once: the use cases below share them.
        DynamoDbProfileRepository profiles = new DynamoDbProfileRepository(dynamo, table);
        DynamoDbResponseRepository responses = new DynamoDbResponseRepository(dynamo, table);
        DynamoDbInvitationRepository invitations = new DynamoDbInvitationRepository(dynamo, table);
        IdentityResolver identities = new IdentityResolver(profiles, () -> UUID.randomUUID().toString());
        FeedbackRecorder recorder = new FeedbackRecorder(identities, responses, invitations, closedLoop);
        SurveyCatalog surveys = DeployedSurveys.catalog();
        InvitationScheduler scheduler = new InvitationScheduler(identities, surveys, invitations, new DynamoDbFunnelCounters(dynamo, table));
        DynamoDbThreadRepository threads = new DynamoDbThreadRepository(dynamo, table);
        String tokenKey = SecretSettings.required(env, Setting.SURVEY_TOKEN_KEY);
        DynamoDbSuppressionList suppressions = new DynamoDbSuppressionList(dynamo, table);
        KeyedHashes hashes = KeyedHashes.fromText(tokenKey);
        ConversationRouter conversations = new ConversationRouter(identities, profiles, invitations, responses,
                threads, surveys, SurveyTokens.fromText(tokenKey), replies, closedLoop, suppressions, hashes, languageGuesser(surveys));
        MessageRouter router = new MessageRouter(scheduler, conversations, new TeamReplies(profiles, threads, replies, suppressions, hashes),
                new DeliveryStatuses(threads, profiles), metrics);
        return new FeedbackBatchProcessor(
                new QueueMessageCodec(new SubmissionReader(normalizer, Clock.systemUTC()),
                        new InteractionReader(normalizer, Clock.systemUTC()), normalizer),
                recorder, router, new SqsDeadLetterQueue(sqs, settings.dlqUrl()), settings.maxReceiveCount(), metrics);
    }

    /**
     * The language of customers' messages, among those our surveys and replies are written in. Its profiles
     * (about 0.2 s to read) load on the first message a person wrote, not at init: most batches are
     * feedback, and a thread reading them beside init measurably slowed every cold start. Priming reads
     * them before a SnapStart snapshot.
     */
    private static LanguageGuesser languageGuesser(SurveyCatalog surveys) {
        return NgramLanguageGuesser.shared(Stream.concat(ConversationRouter.TEXT_LANGUAGES.stream(),
                surveys.all().stream().flatMap(survey -> survey.languages().stream())).toList());
    }

    /**
     * SnapStart priming (no side effects): the language profiles and locale data; a sample feedback message encoded and decoded as the queue
     * carries it; a batch of two unreadable messages through the processor (reported for retry, on
     * their first receive, so none is parked); DynamoDB's read and write paths by a read (single and
     * batched) of a key that never exists and a put its condition refuses; and SQS's send paths (single
     * and batched, as alerts go) to a queue that does not exist.
     */
    public static void prime(Environment env, FeedbackBatchProcessor processor) {
        ProcessorSettings settings = ProcessorSettings.from(env);
        IdentityNormalizer normalizer = new IdentityNormalizer(settings.phoneRegion());
        SubmissionReader reader = new SubmissionReader(normalizer, Clock.systemUTC());
        QueueMessageCodec codec = new QueueMessageCodec(reader, new InteractionReader(normalizer, Clock.systemUTC()), normalizer);
        // A throwaway secret: priming only walks the paths, and the ids it makes are never stored.
        new FeedbackIntake(message -> codec.decode(QueueMessageCodec.encode(message)),
                KeyedHashes.fromText(UUID.randomUUID() + "-" + UUID.randomUUID()), SubmissionWriter::canonical, Clock.systemUTC())
                .accept(reader.read(StrictJson.read("""
                        {"externalId":"priming","channel":"sms","touchpoint":"priming","surveyId":"post-service",
                         "customer":{"phone":"+905550000000"},"answers":[{"questionId":"nps","type":"nps","value":9}]}""")));
        SQSEvent batch = new SQSEvent();
        batch.setRecords(Stream.of("priming-1", "priming-2").map(id -> {
            var message = new SQSEvent.SQSMessage();
            message.setMessageId(id);
            message.setBody("{\"priming\":true}");
            message.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            return message;
        }).toList());
        if (settings.maxReceiveCount() > 1) {
            processor.process(batch, line -> { });
        }
        // The language profiles and the locale data a customer's first message and reply need.
        languageGuesser(DeployedSurveys.catalog()).languageOf("Kasadaki görevli çok ilgiliydi");
        CustomerLanguage.loadLocaleData();
        // The first log and metric lines' formatting, with nothing written.
        JsonLines.prime();
        EmfMetrics.prime();
        DynamoDbClient dynamo = DynamoDbClients.create(env);
        DynamoDbPrimes.touch(dynamo, settings.table());
        DynamoDbPrimes.touchBatchRead(dynamo, settings.table());
        DynamoDbPrimes.touchWrite(dynamo, settings.table());
        SqsClient sqs = SqsClients.create(env);
        SqsPrimes.touch(sqs, settings.dlqUrl());
        SqsPrimes.touchBatch(sqs, settings.dlqUrl());
    }
}
