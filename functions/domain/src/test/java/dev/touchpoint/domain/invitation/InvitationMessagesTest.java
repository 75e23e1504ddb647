package dev.touchpoint.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.touchpoint.domain.fakes.TestSurveys;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class InvitationMessagesTest {

    private static final SurveyDefinition SURVEY = TestSurveys.postService();
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final InvitationMessages messages = new InvitationMessages(new DispatchSettings("https://feedback.example.com",
            "survey@example.com", "replies.example.com", "touchpoint-config", "+15550100", ZoneId.of("UTC"), QuietHours.DEFAULT, 100, false));
    private final Invitation invitation = Invitation.scheduled("00000000-0000-0000-0000-000000000001", "post-service", 1, "p1",
            null, "service.completed", List.of("email"), NOW, NOW.plusSeconds(60), NOW);

    @Test
    void email_inTurkish_hasOneClickScoresUnsubscribeHeadersAndReplyTo() {
        OutgoingEmail email = messages.email(invitation, SURVEY, "tr", "ayse@example.com", "tok3n");

        assertEquals("Son ziyaretinizle ilgili kısa bir soru", email.subject());
        assertEquals("reply+tok3n@replies.example.com", email.replyTo());
        assertEquals("List-Unsubscribe=One-Click", email.headers().get("List-Unsubscribe-Post"));
        assertTrue(email.headers().get("List-Unsubscribe").startsWith("<https://feedback.example.com/s/tok3n?unsubscribe=1>"));
        for (int score = 0; score <= 10; score++) {
            assertTrue(email.html().contains("https://feedback.example.com/s/tok3n?score=" + score), "score " + score);
            assertTrue(email.text().contains("https://feedback.example.com/s/tok3n?score=" + score), "score " + score);
        }
        assertTrue(email.html().contains("önerme olasılığınız"));
        assertEquals("touchpoint-config", email.configurationSet());
    }

    @Test
    void sms_inEnglish_carriesTheLinkTheScaleAndTheOptOut() {
        OutgoingSms sms = messages.sms(invitation, SURVEY, "en", "+905551112233", "tok3n");
        assertEquals("How did we do? Reply with a number from 0 to 10, or answer here: https://feedback.example.com/s/tok3n "
                + "Reply STOP to opt out.", sms.body());
        assertEquals("+15550100", sms.originationIdentity());
        assertTrue(messages.sms(invitation, SURVEY, "tr", "+905551112233", "t").body().endsWith("RET yazın."));
    }
}
