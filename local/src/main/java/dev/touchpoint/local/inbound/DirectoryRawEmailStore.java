package dev.touchpoint.local.inbound;

import dev.touchpoint.domain.conversation.RawEmailStore;
import dev.touchpoint.local.embedded.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Raw received emails as {@code <messageId>.eml} files in a directory: what the SES receipt rule's S3
 * action would have stored. Drop a file there and invoke ingest-email with an SES event naming it.
 */
public final class DirectoryRawEmailStore implements RawEmailStore {

    private static final Pattern MESSAGE_ID = Pattern.compile("^[A-Za-z0-9._-]{1,200}$");

    private final Path directory;

    public DirectoryRawEmailStore(Path directory) {
        this.directory = directory;
        try {
            OwnerOnlyFiles.directory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path directory() {
        return directory;
    }

    @Override
    public Optional<byte[]> fetch(String messageId) {
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            return Optional.empty();
        }
        Path file = directory.resolve(messageId + ".eml");
        try {
            return Files.exists(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
