package dev.touchpoint.aws.s3;

import dev.touchpoint.domain.conversation.RawEmailStore;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Received emails in the bucket the SES receipt rule's S3 action writes, under {@code <prefix><messageId>}. */
public final class S3RawEmailStore implements RawEmailStore {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    public S3RawEmailStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    /**
     * A read of a message that does not exist (not found, or refused without {@code s3:ListBucket}): the
     * GetObject path and S3's error answer, loaded; nothing read. Here, not in {@code Priming}, which
     * every function loads: the jars without S3 could not link it.
     */
    public static void touch(S3Client s3, String bucket) {
        try {
            s3.getObjectAsBytes(g -> g.bucket(bucket).key("priming-no-such-message-" + UUID.randomUUID()));
        } catch (S3Exception expected) {
            // the point of the call
        }
    }

    @Override
    public Optional<byte[]> fetch(String messageId) {
        try {
            return Optional.of(s3.getObjectAsBytes(g -> g.bucket(bucket).key(prefix + messageId)).asByteArray());
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        }
    }
}
