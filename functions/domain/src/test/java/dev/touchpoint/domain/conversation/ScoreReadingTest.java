package dev.touchpoint.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.conversation.ScoreReading.NoScore;
import dev.touchpoint.domain.conversation.ScoreReading.OutOfScale;
import dev.touchpoint.domain.conversation.ScoreReading.Reading;
import dev.touchpoint.domain.conversation.ScoreReading.Scored;
import dev.touchpoint.domain.conversation.ScoreReading.Unclear;
import dev.touchpoint.domain.feedback.AnswerType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The forms of score people type, from the project's own table (conversation/score-readings.tsv). */
class ScoreReadingTest {

    @TestFactory
    Stream<DynamicTest> everyFormInTheTable_givesWhatItMust() throws IOException {
        return rows().map(row -> DynamicTest.dynamicTest(row[0] + " (" + row[1] + ") → " + row[2], () -> {
            AnswerType scale = AnswerType.valueOf(row[1].toUpperCase(Locale.ROOT));
            assertEquals(row[2] + (row.length > 3 && !row[3].isEmpty() ? " | " + row[3] : ""), described(ScoreReading.read(row[0], scale)));
        }));
    }

    private static String described(Reading reading) {
        return switch (reading) {
            case Scored scored -> "score " + scored.value() + (scored.comment().isEmpty() ? "" : " | " + scored.comment());
            case OutOfScale out -> "out " + out.value();
            case Unclear unclear -> "unclear";
            case NoScore none -> "none";
        };
    }

    private static Stream<String[]> rows() throws IOException {
        try (InputStream in = ScoreReadingTest.class.getResourceAsStream("/conversation/score-readings.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            return lines.stream().map(line -> line.split("\t", -1)).peek(row -> {
                if (row.length < 3) {
                    throw new IllegalArgumentException("a row needs text, scale and expectation: " + Arrays.toString(row));
                }
            });
        }
    }
}
