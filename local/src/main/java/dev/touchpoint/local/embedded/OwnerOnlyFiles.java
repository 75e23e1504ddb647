package dev.touchpoint.local.embedded;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The local data directory holds every profile, every queued message and the key that signs survey
 * links: on a shared machine no other account may read it. Where the file system has POSIX
 * permissions, what the runtime creates there is its owner's only; elsewhere (Windows) the user's
 * profile directory's own access rules apply.
 */
public final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {
    }

    /** Creates the directory, and any parent it needs, readable by its owner only; one that exists is left as it is. */
    public static Path directory(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return directory;
        }
        Path parent = directory.toAbsolutePath().getParent();
        if (parent != null) {
            directory(parent);
        }
        if (posix()) {
            Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } else {
            Files.createDirectory(directory);
        }
        return directory;
    }

    /** Writes a secret into a new file only its owner may read (made so before any byte is written). */
    public static void writeSecret(Path file, String secret) throws IOException {
        directory(file.toAbsolutePath().getParent());
        if (posix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, secret);
    }

    /** A secret file an earlier version wrote readable by others is made its owner's only. */
    public static void restrict(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(FILE)) {
            Files.setPosixFilePermissions(file, FILE);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
