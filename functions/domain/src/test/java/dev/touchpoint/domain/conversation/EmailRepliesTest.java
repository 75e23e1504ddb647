package dev.touchpoint.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailRepliesTest {

    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst";

    /** A pasted log of 300 000 characters would pass neither SQS's nor DynamoDB's size limit: its start is kept. */
    @Test
    void newText_ofAVeryLongReply_keepsWhatOneAnswerHolds_withoutSplittingACharacter() {
        String log = "7 ".concat("x".repeat(300_000));
        assertEquals(log.substring(0, EmailReplies.MAX_NEW_TEXT_LENGTH), EmailReplies.newText(log + "\n--\nAyşe"));

        String emoji = "\uD83D\uDE00";
        String emojis = "a" + emoji.repeat(EmailReplies.MAX_NEW_TEXT_LENGTH);
        String kept = EmailReplies.newText(emojis);
        assertEquals(EmailReplies.MAX_NEW_TEXT_LENGTH - 1, kept.length(), "the emoji that would be cut in half is left out");
        assertEquals(kept, emojis.substring(0, EmailReplies.MAX_NEW_TEXT_LENGTH - 1));
    }

    @Test
    void newText_dropsGmailStyleHistoryAndSignature() {
        String body = """
                9 - very quick delivery, thanks!

                --
                Ayşe Yılmaz

                On Mon, 23 Nov 2026 at 10:20, Shop <survey@shop.example> wrote:
                > How likely are you to recommend us?
                """;
        assertEquals("9 - very quick delivery, thanks!", EmailReplies.newText(body));
    }

    @Test
    void newText_dropsTurkishOutlookAndIphoneForms() {
        assertEquals("10 çok memnun kaldım", EmailReplies.newText("""
                10 çok memnun kaldım
                iPhone'umdan gönderildi

                23 Kas 2026 tarihinde 10:20 saatinde Mağaza <survey@shop.example> şunu yazdı:
                > Nasıldık?"""));
        assertEquals("Teslimat geç kaldı.", EmailReplies.newText("""
                Teslimat geç kaldı.\r
                \r
                -----Özgün İleti-----\r
                Kimden: Mağaza <survey@shop.example>\r
                """));
        assertEquals("Fine", EmailReplies.newText("Fine\n\n________________________________\nFrom: Shop\nSent: Monday"));
    }

    @Test
    void tokenOf_readsTheReplyAddressWhateverItsCase_elseTheSubject() {
        assertEquals(Optional.of(TOKEN), EmailReplies.tokenOf(List.of("REPLY+" + TOKEN.toUpperCase(Locale.ROOT) + "@shop.example"), null));
        assertEquals(Optional.of(TOKEN), EmailReplies.tokenOf(List.of("info@shop.example"), "Re: survey " + TOKEN));
        assertEquals(Optional.empty(), EmailReplies.tokenOf(List.of("info@shop.example"), "Re: hello"));
    }
}
