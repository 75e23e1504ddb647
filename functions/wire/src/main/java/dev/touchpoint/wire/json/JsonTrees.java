package dev.touchpoint.wire.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Jackson's trees read from and written to Jackson's streaming parser and generator, without an
 * {@code ObjectMapper}: making the first mapper loads about 300 more classes (60 ms of every cold
 * start, measured in docs/performance.md), and a tree needs none of them. The nodes are the ones
 * {@code ObjectMapper.readTree} makes, number types included ({@code JsonTreesTest} compares them).
 */
public final class JsonTrees {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /**
     * The value at the parser's current token (the caller has moved onto it), and its contents.
     *
     * @param decimals floating-point numbers as {@link BigDecimal} without trailing zeros, as a mapper
     *                 with {@code USE_BIG_DECIMAL_FOR_FLOATS} reads them; otherwise as doubles
     */
    public static JsonNode read(JsonParser parser, boolean decimals) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("no JSON value to read");
        }
        return switch (token) {
            case START_OBJECT -> object(parser, decimals);
            case START_ARRAY -> array(parser, decimals);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> decimals ? decimal(parser.getDecimalValue()) : NODES.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default -> throw new IOException("unexpected " + token);
        };
    }

    /** Writes a tree as {@code ObjectMapper.writeValue} does (the generator's own settings apply). */
    public static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    generator.writeFieldName(field.getKey());
                    write(field.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case NUMBER -> number(node, generator);
            case BINARY -> generator.writeBinary(node.binaryValue());
            case NULL, MISSING -> generator.writeNull();
            default -> throw new IOException("a " + node.getNodeType() + " node has no JSON form of its own");
        }
    }

    private static ObjectNode object(JsonParser parser, boolean decimals) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            object.set(name, read(parser, decimals));
        }
        return object;
    }

    private static ArrayNode array(JsonParser parser, boolean decimals) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(parser, decimals));
        }
        return array;
    }

    private static JsonNode integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
        };
    }

    private static JsonNode decimal(BigDecimal value) {
        try {
            return NODES.numberNode(value.stripTrailingZeros());
        } catch (ArithmeticException e) {
            return NODES.numberNode(value);
        }
    }

    private static void number(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.numberType()) {
            case INT -> generator.writeNumber(node.intValue());
            case LONG -> generator.writeNumber(node.longValue());
            case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
            case FLOAT -> generator.writeNumber(node.floatValue());
            case DOUBLE -> generator.writeNumber(node.doubleValue());
            default -> generator.writeNumber(node.decimalValue());
        }
    }
}
