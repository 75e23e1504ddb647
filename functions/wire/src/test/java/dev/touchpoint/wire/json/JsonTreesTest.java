package dev.touchpoint.wire.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonTrees} must make and write exactly the trees an {@code ObjectMapper} makes and writes: the
 * same node classes (an int stays an {@code IntNode}, a decimal keeps its scale) and the same text.
 */
class JsonTreesTest {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final ObjectMapper DECIMALS = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final JsonFactory STREAMS = new JsonFactory();

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1,\"b\":-2147483649,\"c\":12345678901234567890123,\"d\":[true,false,null],\"e\":{}}",
            "[4.1, 4.10, 0.0, -0.0, 1e3, 1.5E-7, 100.00, 2.50, 3E+2, 1234567890.123456789012345]",
            "{\"text\":\"çok hızlı \\u0000\\n\\t\\\"quoted\\\" ☃ \\ud83d\\ude00\",\"nested\":{\"deep\":[[[{\"x\":[]}]]]}}",
            "{\"same\":1,\"same\":2}",
            "\"just text\"",
            "42",
            "9223372036854775807",
            "-9223372036854775809",
            "[]"})
    void readsAndWritesAsAMapperDoes(String json) throws IOException {
        for (ObjectMapper mapper : new ObjectMapper[] {PLAIN, DECIMALS}) {
            boolean decimals = mapper == DECIMALS;
            JsonNode expected = mapper.readTree(json);
            JsonNode ours = read(json, decimals);
            assertSameNodes(expected, ours, "$");
            assertEquals(mapper.writeValueAsString(expected), write(ours), json);
            assertEquals(mapper.writeValueAsString(ours), write(ours), json);
        }
    }

    private static JsonNode read(String json, boolean decimals) throws IOException {
        try (JsonParser parser = STREAMS.createParser(json)) {
            parser.nextToken();
            return JsonTrees.read(parser, decimals);
        }
    }

    private static String write(JsonNode node) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = STREAMS.createGenerator(text)) {
            JsonTrees.write(node, generator);
        }
        return text.toString();
    }

    private static void assertSameNodes(JsonNode expected, JsonNode actual, String path) {
        assertEquals(expected.getClass(), actual.getClass(), path);
        assertEquals(expected, actual, path);
        if (expected.isBigDecimal()) {
            assertEquals(expected.decimalValue().scale(), actual.decimalValue().scale(), path + " scale");
        }
        if (expected.isObject()) {
            assertEquals(expected.size(), actual.size(), path);
            for (Iterator<Map.Entry<String, JsonNode>> fields = expected.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                assertSameNodes(field.getValue(), actual.get(field.getKey()), path + "." + field.getKey());
            }
        }
        if (expected.isArray()) {
            for (int i = 0; i < expected.size(); i++) {
                assertSameNodes(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        }
    }
}
