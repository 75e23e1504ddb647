package dev.touchpoint.ingest.email;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.dynamodb.DynamoDbWebhookEventCounter;
import dev.touchpoint.aws.s3.S3RawEmailStore;
import dev.touchpoint.aws.sqs.SqsFeedbackQueue;
import dev.touchpoint.domain.conversation.RawEmailStore;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.domain.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Lambda entry point of the SES receipt rule. Configuration: {@code TOUCHPOINT_INBOUND_MAIL_BUCKET},
 * {@code TOUCHPOINT_INBOUND_MAIL_PREFIX} (where the S3 action stores messages), {@code TOUCHPOINT_QUEUE_URL},
 * {@code TOUCHPOINT_TABLE}.
 */
public final class EmailReplyHandler implements RequestStreamHandler {

    /** Built on first use, once per container, from the function's environment. */
    private static final class FromEnvironment {
        static final EmailReplyIngest INGEST = build(Environment.system(), new S3RawEmailStore(AwsClients.s3(Environment.system()),
                Environment.system().required("TOUCHPOINT_INBOUND_MAIL_BUCKET"),
                Environment.system().optional("TOUCHPOINT_INBOUND_MAIL_PREFIX").orElse("")));
    }

    private final EmailReplyIngest ingest;

    public EmailReplyHandler() {
        this(FromEnvironment.INGEST);
    }

    public EmailReplyHandler(EmailReplyIngest ingest) {
        this.ingest = ingest;
    }

    public static EmailReplyIngest build(Environment env, RawEmailStore store) {
        return new EmailReplyIngest(store, new IdentityNormalizer(env.optional("TOUCHPOINT_DEFAULT_REGION").orElse("TR")),
                new SqsFeedbackQueue(AwsClients.sqs(env), env.required("TOUCHPOINT_QUEUE_URL")),
                new DynamoDbWebhookEventCounter(AwsClients.dynamoDb(env), env.required("TOUCHPOINT_TABLE")), Clock.systemUTC());
    }

    /** The events library has no SES receipt type, so the event is read as the JSON it is. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        int queued = ingest.handle(StrictJson.read(new String(input.readAllBytes(), StandardCharsets.UTF_8)),
                message -> context.getLogger().log(message));
        output.write(Integer.toString(queued).getBytes(StandardCharsets.UTF_8));
    }
}
