package dev.touchpoint.wire.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** What {@link StrictJson} writes must pass SQS's character check and still read back to the same text. */
class StrictJsonTest {

    /** The characters SQS accepts in a message: XML's (tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD, supplementary). */
    private static boolean sqsAccepts(String text) {
        return text.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    @Test
    void nonCharacters_areWrittenEscaped_andReadBackAsTheyWere() {
        String comment = "tamam \uFFFF bitti \uFFFE";
        ObjectNode tree = StrictJson.object().put("comment", comment);

        String json = StrictJson.write(tree);

        assertTrue(sqsAccepts(json), json);
        assertTrue(json.contains("\\uFFFF") && json.contains("\\uFFFE"), json);
        assertEquals(comment, StrictJson.read(json).get("comment").asText());
    }

    @Test
    void everyOtherCharacter_isWrittenAsBefore() {
        String comment = "çok hızlı ☃ \uD83D\uDE00 \uFFFD\u0001\n";
        String json = StrictJson.write(StrictJson.object().put("comment", comment));

        assertTrue(sqsAccepts(json), json);
        assertFalse(json.contains("\\uD83D") || json.contains("\\u2603") || json.contains("\\uFFFD"), json);
        assertTrue(json.contains("\\u0001") && json.contains("\\n"), "control characters stay JSON's escapes: " + json);
        assertEquals(comment, StrictJson.read(json).get("comment").asText());
    }
}
