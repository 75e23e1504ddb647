package dev.touchpoint.wire.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.domain.validation.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A body's text that DynamoDB could not store is refused field by field (moved from the domain's StorableTextTest). */
class UnstorableTextTest {

    @Test
    void unstorableText_namesEachFieldAtFault_byItsPointer() {
        JsonNode body = StrictJson.read("""
                {"customer":{"name":"A\\udc00"},"answers":[{"value":"ok"},{"value":"\\uffff"}],"a/b":"\\ud800"}""");
        List<String> pointers = UnstorableText.in(body, "").stream().map(FieldError::pointer).toList();
        assertEquals(List.of("/customer/name", "/answers/1/value", "/a~1b"), pointers);
        assertTrue(UnstorableText.in(StrictJson.read("{\"a\":\"fine\"}"), "").isEmpty());
    }
}
