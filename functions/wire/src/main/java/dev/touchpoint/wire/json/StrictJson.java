package dev.touchpoint.wire.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;

/**
 * The one JSON reader and writer. Reading is strict and bounded, because every byte of it may come from
 * the internet: a duplicate key, trailing garbage, nesting deeper than {@value #MAX_NESTING_DEPTH}, a
 * string longer than {@value #MAX_STRING_LENGTH} characters or a number longer than
 * {@value #MAX_NUMBER_LENGTH} digits is refused before any of it reaches the domain. Writing escapes
 * the two characters SQS refuses in a message that JSON would otherwise carry raw ({@link SqsSafeEscapes}).
 */
public final class StrictJson {

    public static final int MAX_NESTING_DEPTH = 16;
    public static final int MAX_STRING_LENGTH = 256 * 1024;
    public static final int MAX_NUMBER_LENGTH = 32;

    /** Jackson's streaming reader with our limits; trees are built by {@link JsonTrees}, without a mapper. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxStringLength(MAX_STRING_LENGTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private static final CharacterEscapes SQS_SAFE = new SqsSafeEscapes();

    private StrictJson() {
    }

    /** Parses untrusted JSON text, or says precisely (but without echoing the input) why it cannot. */
    public static JsonNode read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new MalformedJsonException("The body is empty; a JSON document was expected.");
            }
            // Floating-point numbers exactly, as decimals: a rating of 4.1 must not become 4.0999….
            JsonNode node = JsonTrees.read(parser, true);
            if (parser.nextToken() != null) {
                throw new MalformedJsonException("Malformed JSON" + where(parser.currentLocation())
                        + ": content after the end of the JSON document");
            }
            return node;
        } catch (StreamConstraintsException e) {
            throw new MalformedJsonException("The JSON exceeds a read limit: nesting deeper than "
                    + MAX_NESTING_DEPTH + ", a string longer than " + MAX_STRING_LENGTH
                    + " characters, or a number longer than " + MAX_NUMBER_LENGTH + " digits.");
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("Malformed JSON" + where(e.getLocation()) + ": " + reason(e));
        } catch (IOException e) {
            throw new MalformedJsonException("Unreadable JSON.");
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static String write(JsonNode node) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text).setCharacterEscapes(SQS_SAFE)) {
            JsonTrees.write(node, generator);
        } catch (IOException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        return text.toString();
    }

    /**
     * JSON's own escapes, plus U+FFFE and U+FFFF written as JSON escapes (a backslash, {@code u}, the code).
     * Both are valid in UTF-8 and in JSON, so a customer's text may hold them, but SQS refuses a message
     * containing either (it accepts only XML's characters); written raw, a valid answer would be refused
     * by the queue on every retry. Escaped, the message is the same JSON and reads back to the same text.
     * Control characters are escaped by JSON itself; every other character is accepted by SQS.
     */
    static final class SqsSafeEscapes extends CharacterEscapes {

        private static final int[] ASCII = CharacterEscapes.standardAsciiEscapesForJSON();
        private static final SerializedString FFFE = new SerializedString("\\uFFFE");
        private static final SerializedString FFFF = new SerializedString("\\uFFFF");

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0xFFFE ? FFFE : ch == 0xFFFF ? FFFF : null;
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Jackson's own first sentence names the problem; what follows it may quote the input, so cut it. */
    private static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unexpected input" : e.getOriginalMessage();
        int cut = message.indexOf('\n');
        String first = cut < 0 ? message : message.substring(0, cut);
        if (first.startsWith("Duplicate field")) {
            return "a field appears twice in one object";
        }
        if (first.startsWith("Unexpected end-of-input")) {
            return "the document ends early";
        }
        if (first.contains("Invalid UTF-8")) {
            return "invalid UTF-8";
        }
        return first.startsWith("Unexpected character") || first.startsWith("Unrecognized token")
                ? "unexpected character" : "not valid JSON";
    }
}
