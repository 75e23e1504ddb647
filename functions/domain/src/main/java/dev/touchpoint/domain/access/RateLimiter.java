package dev.touchpoint.domain.access;

import java.time.Instant;

/** Port: at most {@code limit} uses of a bucket (a key and a client) per minute, counted atomically. */
public interface RateLimiter {

    boolean allow(String bucket, int limit, Instant now);
}
