package dev.touchpoint.domain.reports;

import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.response.ResponseRepository;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Use case: every response of a period exactly once, in pages, in time order (or newest first), from the day index
 * (one query per day and page, never a scan). A page ends with a cursor that names where the next
 * begins, so an export of any size is taken page by page.
 */
public final class ResponseExport {

    public static final int MAX_PAGE = 1000;

    /** One page of the export and the cursor of the next (null at the end). */
    public record Page(List<ResponseRecord> responses, String next) {
    }

    private final ResponseRepository responses;

    public ResponseExport(ResponseRepository responses) {
        this.responses = responses;
    }

    /**
     * A page of the period, oldest first, or newest first when asked: from the end of {@code to} back
     * to the start of {@code from} (what a list of the latest comments wants, whatever the period
     * holds). A cursor continues the order it was written in.
     */
    public Page page(LocalDate from, LocalDate to, Optional<String> surveyId, Optional<String> cursor, int size,
                     boolean newestFirst) {
        LocalDate day = newestFirst ? to : from;
        String position = null;
        if (cursor.isPresent()) {
            String[] decoded = decode(cursor.get());
            day = LocalDate.parse(decoded[0]);
            position = decoded[1].isEmpty() ? null : decoded[1];
        }
        List<ResponseRecord> page = new ArrayList<>();
        while (!day.isAfter(to) && !day.isBefore(from)) {
            ResponseRepository.ResponsePage part = newestFirst
                    ? responses.pageNewestFirst(day, position, size - page.size())
                    : responses.page(day, position, size - page.size());
            part.responses().stream().filter(r -> surveyId.isEmpty() || surveyId.get().equals(r.surveyId())).forEach(page::add);
            if (part.next() != null) {
                position = part.next();
            } else {
                day = newestFirst ? day.minusDays(1) : day.plusDays(1);
                position = null;
            }
            if (page.size() >= size) {
                break;
            }
        }
        boolean done = day.isAfter(to) || day.isBefore(from);
        return new Page(page, done ? null : encode(day, position));
    }

    private static String encode(LocalDate day, String after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((day + "|" + (after == null ? "" : after)).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for a cursor this export did not write */
    private static String[] decode(String cursor) {
        try {
            String[] position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            LocalDate.parse(position[0]);
            if (position.length != 2 || position[1].length() > 120) {
                throw new IllegalArgumentException("bad cursor");
            }
            return position;
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException("not a cursor of this export");
        }
    }
}
