package dev.touchpoint.ingest.email;

import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.lambda.SampleEvents;
import dev.touchpoint.aws.s3.S3Clients;
import dev.touchpoint.aws.s3.S3RawEmailStore;
import dev.touchpoint.aws.snapstart.Priming;
import dev.touchpoint.aws.startup.AheadOfFirstEvent;
import dev.touchpoint.aws.wiring.InboundSettings;
import dev.touchpoint.aws.wiring.WebhookClients;
import dev.touchpoint.domain.conversation.RawEmailStore;
import dev.touchpoint.domain.identity.IdentityNormalizer;
import dev.touchpoint.wire.queue.QueueMessageCodec;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Composition root of ingest-email: builds the reply reader from its settings ({@link EmailReplySettings}), and primes it. */
public final class EmailReplyWiring {

    private EmailReplyWiring() {
    }

    /** The TLS context first: this entry point reads its event itself, without {@code JsonEvents}, which would start it. */
    public static EmailReplyIngest build(Environment env) {
        AheadOfFirstEvent.startTlsContext(env);
        return build(env, store(env));
    }

    /** Primes the function with a store like the one {@link #build(Environment)} makes. */
    public static void prime(Environment env) {
        prime(env, store(env));
    }

    /** Where SES's S3 action stores the messages. */
    static RawEmailStore store(Environment env) {
        EmailReplySettings settings = EmailReplySettings.from(env);
        S3Client s3 = S3Clients.create(env);
        S3Clients.firstCall(env, s3, settings.mailBucket());
        return new S3RawEmailStore(s3, settings.mailBucket(), settings.mailPrefix());
    }

    /** With another store: the local runtime's inbound mail; the bucket is not asked for. */
    public static EmailReplyIngest build(Environment env, RawEmailStore store) {
        InboundSettings settings = InboundSettings.from(env);
        return new EmailReplyIngest(store, new IdentityNormalizer(settings.phoneRegion()),
                WebhookClients.queue(env, settings), WebhookClients.counter(env, settings, "ingest-email"),
                Clock.systemUTC());
    }

    /**
     * A customer's reply as SES stores it, and its receipt: what priming walks through (events/README.md).
     * HTML only, so that jsoup's first use (about 100 ms in a fresh JVM, docs/performance.md) is paid
     * before the snapshot.
     */
    private static final String SAMPLE_MAIL = "corpus/email/gmail-web-tr-html-only.eml";
    private static final String SAMPLE_RECEIPT = "ses/receipt-reply.json";

    /**
     * SnapStart priming (no side effects): the sample reply read, parsed and queued by a function like
     * this one whose store holds only it, whose queue only encodes and whose counter counts nothing;
     * then the store's read of a message that does not exist (not found, or refused), and the
     * real clients' SQS send and DynamoDB update paths (see {@link Priming}).
     */
    public static void prime(Environment env, RawEmailStore store) {
        byte[] mail = SampleEvents.bytes(SAMPLE_MAIL);
        EmailReplyIngest offline = new EmailReplyIngest(messageId -> Optional.of(mail),
                new IdentityNormalizer("TR"), QueueMessageCodec::encode, (provider, kind, at) -> { }, Clock.systemUTC());
        if (offline.handle(SampleEvents.bytes(SAMPLE_RECEIPT), line -> { }) != 1) {
            throw new IllegalStateException("the sample reply was not queued");
        }
        try {
            store.fetch("priming-no-such-message-" + UUID.randomUUID());
        } catch (S3Exception refused) {
            // without s3:ListBucket a missing key is refused rather than not found: the read path is loaded either way
        }
        WebhookClients.prime(env, InboundSettings.from(env));
    }
}
