package dev.touchpoint.domain.invitation;

import java.time.LocalTime;
import java.time.ZonedDateTime;

/** The hours nobody is invited in, in the customer's own time zone (default 21:00–09:00). */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0));

    public boolean contains(LocalTime time) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    /** The next moment quiet hours end, at or after {@code now}, in now's zone. */
    public ZonedDateTime nextEnd(ZonedDateTime now) {
        ZonedDateTime today = now.with(end).withSecond(0).withNano(0);
        return today.isAfter(now) ? today : today.plusDays(1);
    }
}
