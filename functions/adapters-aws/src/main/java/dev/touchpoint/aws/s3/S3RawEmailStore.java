package dev.touchpoint.aws.s3;

import dev.touchpoint.domain.conversation.RawEmailStore;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

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

    @Override
    public Optional<byte[]> fetch(String messageId) {
        try {
            return Optional.of(s3.getObjectAsBytes(g -> g.bucket(bucket).key(prefix + messageId)).asByteArray());
        } catch (NoSuchKeyException gone) {
            return Optional.empty();
        }
    }
}
