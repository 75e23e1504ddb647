package dev.touchpoint.domain.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.conversation.ReplyProvider;
import dev.touchpoint.domain.identity.IdentityType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The words the wire, the table and the metrics carry are the enums' own, read back to the same value. */
class DispatchChannelTest {

    @Test
    void invitationsGoByEmailThenSms_eachToItsKindOfAddress() {
        assertEquals(List.of("email", "sms"), DispatchChannel.wireNames());
        assertEquals(IdentityType.PHONE, DispatchChannel.fromWireName("sms").orElseThrow().address());
        assertEquals(IdentityType.EMAIL, DispatchChannel.EMAIL.address());
        assertEquals(Optional.empty(), DispatchChannel.fromWireName("whatsapp"), "no survey invitation goes by WhatsApp");
    }

    @Test
    void everyReplyProvider_readsBackFromItsWireName() {
        for (ReplyProvider provider : ReplyProvider.values()) {
            assertEquals(Optional.of(provider), ReplyProvider.fromWireName(provider.wireName()));
        }
        assertEquals("aws-sms", ReplyProvider.AWS_SMS.wireName());
        assertEquals(Optional.empty(), ReplyProvider.fromWireName("Twilio"), "wire names are exact");
    }
}
