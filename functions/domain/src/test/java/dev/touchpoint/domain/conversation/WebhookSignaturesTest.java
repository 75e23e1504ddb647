package dev.touchpoint.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookSignaturesTest {

    @Test
    void twilio_matchesTheVectorPublishedInTwiliosOwnValidatorTests() {
        // The Voice request of twilio-ruby's request_validator_spec.rb, with its expected signature.
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToState", "California");
        params.put("CalledState", "California");
        params.put("Direction", "inbound");
        params.put("FromState", "CA");
        params.put("AccountSid", "ACba8bc05eacf94afdae398e642c9cc32d");
        params.put("Caller", "+14153595711");
        params.put("CallerZip", "94108");
        params.put("CallerCountry", "US");
        params.put("From", "+14153595711");
        params.put("FromCity", "SAN FRANCISCO");
        params.put("CallerCity", "SAN FRANCISCO");
        params.put("To", "+14157669926");
        params.put("FromZip", "94108");
        params.put("FromCountry", "US");
        params.put("ToCity", "");
        params.put("CallStatus", "ringing");
        params.put("CalledCity", "");
        params.put("CallerState", "CA");
        params.put("CalledZip", "");
        params.put("ToZip", "");
        params.put("ToCountry", "US");
        params.put("CallSid", "CA136d09cd59a3c0ec8dbff44da5c03f31");
        params.put("CalledCountry", "US");
        params.put("Called", "+14157669926");
        params.put("ApiVersion", "2010-04-01");
        params.put("ApplicationSid", "AP44efecad51364e80b133bb7c07eb8204");

        String url = "http://twiliotests.heroku.com/validate/voice";
        assertTrue(WebhookSignatures.isTwilio("2bd9e9638872de601313dc77410d3b23", url, params, "oVb2kXoVy8GEfwBDjR8bk/ZZ6eA="));
        params.put("Digits", "1");
        assertFalse(WebhookSignatures.isTwilio("2bd9e9638872de601313dc77410d3b23", url, params, "oVb2kXoVy8GEfwBDjR8bk/ZZ6eA="),
                "an added parameter breaks the signature");
    }

    @Test
    void meta_isSha256HexOfTheRawBody_computedIndependently() {
        // Computed with Python's hmac module: hmac.new(b"meta-app-secret", b'{"object":"whatsapp_business_account"}', sha256)
        byte[] body = "{\"object\":\"whatsapp_business_account\"}".getBytes(StandardCharsets.UTF_8);
        String expected = "sha256=" + PythonVector.META;
        assertEquals(expected, WebhookSignatures.meta("meta-app-secret", body));
        assertTrue(WebhookSignatures.isMeta("meta-app-secret", body, expected.toUpperCase(Locale.ROOT).replace("SHA256=", "sha256=")));
        assertFalse(WebhookSignatures.isMeta("meta-app-secret", body, "sha256=00"));
        assertFalse(WebhookSignatures.isMeta("meta-app-secret", body, null));
    }

    @Test
    void keywords_areFoundWhateverTheCaseOrLocale() {
        assertEquals(Keyword.OPT_OUT, Keyword.of(" stop ").orElseThrow());
        assertEquals(Keyword.OPT_OUT, Keyword.of("İptal").orElseThrow());
        assertEquals(Keyword.OPT_OUT, Keyword.of("iptal").orElseThrow());
        assertEquals(Keyword.OPT_OUT, Keyword.of("IPTAL!").orElseThrow());
        assertEquals(Keyword.OPT_OUT, Keyword.of("Ret").orElseThrow());
        assertEquals(Keyword.OPT_IN, Keyword.of("unstop").orElseThrow());
        assertEquals(Keyword.HELP, Keyword.of("Help?").orElseThrow());
        assertTrue(Keyword.of("please don't stop").isEmpty());
        assertTrue(Keyword.of("9").isEmpty());
    }

    /** Independently computed expectations (not by the code under test). */
    static final class PythonVector {
        static final String META = "81176fcf9ac718ce2812972d013a8e62f99e6d50aee56fd0e9d9d954c7c0c1b0";
    }

    /** The URL Twilio signed, the URL we know ourselves by: either may name the default port or not. */
    @ParameterizedTest(name = "signed {0}, configured {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            https://example.com/webhooks/twilio      | https://example.com/webhooks/twilio      | true
            https://example.com:443/webhooks/twilio  | https://example.com/webhooks/twilio      | true
            https://example.com/webhooks/twilio      | https://example.com:443/webhooks/twilio  | true
            http://example.com:80/webhooks/twilio?a=1| http://example.com/webhooks/twilio?a=1   | true
            https://example.com:8443/webhooks/twilio | https://example.com/webhooks/twilio      | false
            https://example.com/webhooks/twilio      | https://example.com/webhooks/twilio2     | false
            https://other.example/webhooks/twilio    | https://example.com/webhooks/twilio      | false
            """)
    void twilio_acceptsTheUrlWithOrWithoutItsDefaultPort(String signedUrl, String ourUrl, boolean accepted) {
        Map<String, String> params = Map.of("MessageSid", "SM1", "Body", "9");
        String signature = WebhookSignatures.twilio("token", signedUrl.strip(), params);
        assertEquals(accepted, WebhookSignatures.isTwilio("token", ourUrl.strip(), params, signature));
    }
}
