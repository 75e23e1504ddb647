package dev.touchpoint.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    @Test
    void namedHttpsEndpoints_andPlainHttpOnlyOnLoopback() {
        assertEquals(List.of(new WebhookEndpoint("crm", URI.create("https://crm.example/hooks?token=x")),
                        new WebhookEndpoint("local", URI.create("http://127.0.0.1:9000/in"))),
                WebhookEndpoint.parse(Optional.of("crm=https://crm.example/hooks?token=x, local=http://127.0.0.1:9000/in")));
        assertEquals(List.of(), WebhookEndpoint.parse(Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> WebhookEndpoint.parse(Optional.of("crm=http://crm.example/hooks")));
        assertThrows(IllegalArgumentException.class, () -> WebhookEndpoint.parse(Optional.of("https://crm.example/hooks")));
        assertThrows(IllegalArgumentException.class, () -> WebhookEndpoint.parse(Optional.of("a=https://x.example,a=https://y.example")));
    }

    @Test
    void aDeliveryId_isTheSameForTheSameChange_andDiffersPerEndpointAndChange() {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        String id = WebhookDelivery.of("crm", WebhookDelivery.RECORDED, "r1", "recorded", now).id();
        assertEquals(id, WebhookDelivery.of("crm", WebhookDelivery.RECORDED, "r1", "recorded", now.plusSeconds(60)).id());
        assertEquals(3, Set.of(id, WebhookDelivery.of("helpdesk", WebhookDelivery.RECORDED, "r1", "recorded", now).id(),
                WebhookDelivery.of("crm", WebhookDelivery.UPDATED, "r1", "sms:SM1", now).id()).size());
    }

    @Test
    void theSignature_isStandardWebhooks_withAWhsecSecretUsedAsItsBytes() {
        // The example of the Standard Webhooks specification's reference libraries.
        WebhookSignature signature = WebhookSignature.fromSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                signature.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}"));
    }
}
