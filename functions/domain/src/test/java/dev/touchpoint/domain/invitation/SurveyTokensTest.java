package dev.touchpoint.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SurveyTokensTest {

    private static final String ID = "6f1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final SurveyTokens tokens = SurveyTokens.fromText("a-test-key-that-is-long-enough-0123456789");

    @Test
    void issue_thenVerify_givesTheInvitationBack_andFitsAnEmailLocalPart() {
        String token = tokens.issue(ID, NOW.plusSeconds(3600));
        assertEquals(Optional.of(ID), tokens.verify(token, NOW));
        assertTrue(("reply+" + token).length() <= 64, "local part is " + ("reply+" + token).length());
        assertTrue(token.matches("[a-z2-7]+"), token);
        assertEquals(Optional.of(ID), tokens.verify(token.toUpperCase(Locale.ROOT), NOW), "mail servers may change its case");
    }

    @Test
    void verify_expiredForgedOrAlteredToken_isRefused() {
        String token = tokens.issue(ID, NOW.plusSeconds(3600));
        assertEquals(Optional.empty(), tokens.verify(token, NOW.plusSeconds(7200)));
        String other = SurveyTokens.fromText("another-key-that-is-also-long-enough-987").issue(ID, NOW.plusSeconds(3600));
        assertEquals(Optional.empty(), tokens.verify(other, NOW));
        char flipped = token.charAt(5) == 'a' ? 'b' : 'a';
        assertEquals(Optional.empty(), tokens.verify(token.substring(0, 5) + flipped + token.substring(6), NOW));
        assertEquals(Optional.empty(), tokens.verify("../../etc/passwd", NOW));
        assertEquals(Optional.empty(), tokens.verify(null, NOW));
    }
}
