package dev.touchpoint.domain.conversation;

import java.util.Optional;

/** Port: the raw MIME of a received email, which SES's receipt rule stores before it invokes ingest-email. */
public interface RawEmailStore {

    Optional<byte[]> fetch(String messageId);
}
