package dev.touchpoint.ingest.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What a customer's reply reads as, in the shapes mail clients send. */
class MimeTextTest {

    private static MimeText.Parsed parse(String raw) {
        return MimeText.parse(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)).orElseThrow();
    }

    @Test
    void plainText_inQuotedPrintable_withAnEncodedFoldedSubject() {
        MimeText.Parsed parsed = parse("""
                From: Ay\u015fe <ayse@example.com>
                Subject: =?UTF-8?Q?Re:_Son_ziyaretiniz?=
                 =?UTF-8?Q?le_ilgili_k=C4=B1sa_bir_soru?=
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                10, te=C5=9Fekk=C3=BCrler
                """);

        assertEquals("Re: Son ziyaretinizle ilgili k\u0131sa bir soru", parsed.subject());
        assertEquals("10, te\u015fekk\u00fcrler\r\n", parsed.text());
    }

    @Test
    void alternative_takesThePlainPart_andSkipsAnAttachedTextFile() {
        MimeText.Parsed parsed = parse("""
                Subject: Re: A quick question
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: text/plain; charset=UTF-8
                Content-Disposition: attachment; filename="log.txt"

                not the reply
                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/html; charset=UTF-8

                <p>9</p>
                --inner
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: base64

                OSwgbWVyY2kgYmVhdWNvdXAg6XTp
                --inner--
                --outer--
                """);

        assertEquals("Re: A quick question", parsed.subject());
        assertEquals("9, merci beaucoup \u00e9t\u00e9", parsed.text());
    }

    @Test
    void htmlOnly_isReadWithoutItsTagsStylesAndScripts() {
        MimeText.Parsed parsed = parse("""
                Subject: Re: survey
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{color:red}</style><script>x()</script></head><body><p>8 &amp; fine</p>thanks<br/>A</body></html>
                """);

        assertEquals("8 & fine\nthanks\nA", parsed.text().strip());
    }

    @Test
    void noSubject_andNoContentType_isPlainText() {
        MimeText.Parsed parsed = parse("""
                From: someone@example.com

                7
                """);

        assertEquals(null, parsed.subject());
        assertEquals("7\r\n", parsed.text());
    }

    @Test
    void aSubjectInAnUnknownCharset_isKeptAsWritten() {
        MimeText.Parsed parsed = parse("""
                Subject: =?x-unknown?Q?Re:_hi?=
                Content-Type: text/plain

                6
                """);

        assertTrue(parsed.subject().contains("Re"), parsed.subject());
        assertEquals("6\r\n", parsed.text());
    }
}
