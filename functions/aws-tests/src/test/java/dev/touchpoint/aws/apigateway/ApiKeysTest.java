package dev.touchpoint.aws.apigateway;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void keysConfiguredAsSaltedHashes_areAccepted_andOthersRefused() {
        String current = ApiKeys.newKey();
        String next = ApiKeys.newKey();
        String configuration = ApiKeys.hash("2026-11", current).configurationEntry() + "," + ApiKeys.hash("2026-12", next).configurationEntry();
        ApiKeys keys = ApiKeys.of(Optional.empty(), Optional.of(configuration));

        assertTrue(keys.accepts(request(current)), "the current key");
        assertTrue(keys.accepts(request(next)), "and the next one, during a rotation");
        assertFalse(keys.accepts(request(current + "x")));
        assertFalse(keys.accepts(request("")));
        assertFalse(keys.accepts(new HttpRequest(new APIGatewayV2HTTPEvent())), "no header");
        assertFalse(configuration.contains(current) || configuration.contains(current.substring(3)), "the configuration never holds the key");
    }

    @Test
    void theSameKey_hashesDifferentlyEachTime_becauseOfItsSalt() {
        String key = ApiKeys.newKey();
        assertNotEquals(ApiKeys.hash("a", key).configurationEntry(), ApiKeys.hash("a", key).configurationEntry());
        assertTrue(key.startsWith("tp_") && key.length() > 40);
    }

    @Test
    void aPlainConfiguredKey_isHashedAtStart_andNothingConfigured_refusesEveryone() {
        assertTrue(ApiKeys.of(Optional.of("local-key"), Optional.empty()).accepts(request("local-key")));
        assertFalse(ApiKeys.of(Optional.empty(), Optional.empty()).accepts(request("anything")));
        assertFalse(ApiKeys.of(Optional.empty(), Optional.empty()).isConfigured());
    }

    @Test
    void aMalformedHashList_stopsTheStart_withWhatIsExpected() {
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.of(Optional.empty(), Optional.of("name:only-two")));
        assertThrows(IllegalArgumentException.class, () -> ApiKeys.of(Optional.empty(), Optional.of("n:!!:??")));
    }

    private static HttpRequest request(String key) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setHeaders(Map.of("x-api-key", key));
        return new HttpRequest(event);
    }
}
