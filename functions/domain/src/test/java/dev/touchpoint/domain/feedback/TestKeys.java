package dev.touchpoint.domain.feedback;

import dev.touchpoint.domain.privacy.KeyedHashes;

/** A deployment secret for tests. */
public final class TestKeys {

    public static final KeyedHashes HASHES = KeyedHashes.fromText("test-deployment-secret-0123456789abcdef");

    private TestKeys() {
    }
}
