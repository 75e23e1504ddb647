package dev.touchpoint.domain.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmailRepliesTest {

    private static final String TOKEN = "abcdefghijklmnopqrstuvwxyz234567abcdefghijklmnopqrst";

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
        assertEquals(Optional.of(TOKEN), EmailReplies.tokenOf(List.of("REPLY+" + TOKEN.toUpperCase(java.util.Locale.ROOT) + "@shop.example"), null));
        assertEquals(Optional.of(TOKEN), EmailReplies.tokenOf(List.of("info@shop.example"), "Re: survey " + TOKEN));
        assertEquals(Optional.empty(), EmailReplies.tokenOf(List.of("info@shop.example"), "Re: hello"));
    }
}
