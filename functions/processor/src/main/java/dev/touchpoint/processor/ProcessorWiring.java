package dev.touchpoint.processor;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbProfileRepository;
import dev.touchpoint.aws.dynamodb.DynamoDbResponseRepository;
import dev.touchpoint.aws.sqs.SqsDeadLetterQueue;
import dev.touchpoint.aws.dynamodb.DynamoDbInvitationRepository;
import dev.touchpoint.domain.interaction.InteractionReader;
import dev.touchpoint.domain.invitation.InvitationScheduler;
import dev.touchpoint.domain.queue.QueueMessageCodec;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.feedback.SubmissionReader;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.profile.FeedbackRecorder;
import dev.touchpoint.domain.profile.IdentityResolver;
import java.time.Clock;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Composition root of the processor.
 *
 * <ul>
 *   <li>{@code TOUCHPOINT_TABLE}: the table</li>
 *   <li>{@code TOUCHPOINT_DLQ_URL}: where a message goes, with its reason, on its last receive</li>
 *   <li>{@code TOUCHPOINT_MAX_RECEIVE_COUNT}: the queue's maxReceiveCount (5)</li>
 *   <li>{@code TOUCHPOINT_DEFAULT_REGION}: the phone region (TR)</li>
 * </ul>
 */
public final class ProcessorWiring {

    public static final int DEFAULT_MAX_RECEIVE_COUNT = 5;

    private ProcessorWiring() {
    }

    public static FeedbackBatchProcessor build(Environment env) {
        DynamoDbClient dynamo = AwsClients.dynamoDb(env);
        String table = env.required("TOUCHPOINT_TABLE");
        IdentityNormalizer normalizer = new IdentityNormalizer(env.optional("TOUCHPOINT_DEFAULT_REGION").orElse("TR"));
        IdentityResolver identities = new IdentityResolver(new DynamoDbProfileRepository(dynamo, table),
                () -> UUID.randomUUID().toString());
        DynamoDbInvitationRepository invitations = new DynamoDbInvitationRepository(dynamo, table);
        FeedbackRecorder recorder = new FeedbackRecorder(identities, new DynamoDbResponseRepository(dynamo, table), invitations);
        InvitationScheduler scheduler = new InvitationScheduler(identities, SurveyCatalog.fromClasspath(), invitations);
        return new FeedbackBatchProcessor(
                new QueueMessageCodec(new SubmissionReader(normalizer, Clock.systemUTC()),
                        new InteractionReader(normalizer, Clock.systemUTC())),
                recorder,
                scheduler,
                new SqsDeadLetterQueue(AwsClients.sqs(env), env.required("TOUCHPOINT_DLQ_URL")),
                env.integer("TOUCHPOINT_MAX_RECEIVE_COUNT", DEFAULT_MAX_RECEIVE_COUNT));
    }
}
