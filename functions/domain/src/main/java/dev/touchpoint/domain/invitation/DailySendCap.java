package dev.touchpoint.domain.invitation;

import java.time.LocalDate;

/** Port: how many invitations went out on a UTC day, and taking one more within the cap, atomically. */
public interface DailySendCap {

    boolean isReached(LocalDate day, int cap);

    /** @return false when the cap was reached in the meantime */
    boolean take(LocalDate day, int cap);
}
