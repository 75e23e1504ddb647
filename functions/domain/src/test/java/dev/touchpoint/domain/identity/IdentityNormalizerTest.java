package dev.touchpoint.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityNormalizerTest {

    private final Locale original = Locale.getDefault();
    private final IdentityNormalizer normalizer = new IdentityNormalizer("TR");

    @AfterEach
    void restoreLocale() {
        Locale.setDefault(original);
    }

    @Test
    void email_underTurkishDefaultLocale_lowerCasesDotlessFree() {
        // GIVEN the locale that turns a plain toLowerCase() of I into ı
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        // WHEN
        Identity email = normalizer.email("  INFO@EXAMPLE.COM ").orElseThrow();
        // THEN
        assertEquals("info@example.com", email.value());
        assertEquals("email:info@example.com", email.key());
    }

    @Test
    void email_withoutDomainDot_isRefused() {
        assertTrue(normalizer.email("info@localhost").isEmpty());
        assertTrue(normalizer.email("two@@example.com").isEmpty());
        assertTrue(normalizer.email("spaced out@example.com").isEmpty());
    }

    @Test
    void email_isOneAddress_withoutMarkupOrSeparators() {
        for (String notOne : new String[] {"a@example.com,b.example", "a@example.com;b@example.com", "a@example.com b@example.com",
                "<img/src=x/onerror=alert(6)>@example.com", "a\u2028b@example.com", "a@example.com\u2028", "\"quoted\"@example.com",
                "a..b@example.com", ".a@example.com", "a.@example.com", "a@-example.com", "a@example-.com", "a@example..com",
                "a@example.com.", "a@exa_mple.com", "a@123.456", "Ayşe <ayse@example.com>", "a@[127.0.0.1]"}) {
            assertTrue(normalizer.email(notOne).isEmpty(), notOne);
        }
        for (String one : new String[] {"o'brien@example.com", "first.last+tag@sub.example.co.uk", "a_b-c@example.com",
                "ayşe@example.com.tr", "x@xn--bcher-kva.example"}) {
            assertTrue(normalizer.email(one).isPresent(), one);
        }
    }

    @Test
    void email_withAnInternationalDomain_isStoredInAscii() {
        assertEquals("info@xn--mnchen-3ya.example", normalizer.email("info@MÜNCHEN.example").orElseThrow().value());
        assertEquals("ali@xn--alveri-q9a28ae.com.tr", normalizer.email("ali@alışveriş.com.tr").orElseThrow().value());
        assertEquals(normalizer.email("ali@xn--alveri-q9a28ae.com.tr"), normalizer.email("ali@alışveriş.com.tr"),
                "the Unicode and the ASCII forms are one customer");
    }

    @Test
    void phone_inNationalTurkishForm_becomesE164() {
        assertEquals("+905551112233", normalizer.phone("0555 111 22 33").orElseThrow().value());
        assertEquals("+905551112233", normalizer.phone("+90 (555) 111-22-33").orElseThrow().value());
    }

    @Test
    void phone_withAnotherDefaultRegion_readsNationalNumbersThere() {
        IdentityNormalizer uk = new IdentityNormalizer("GB");
        assertEquals("+447911123456", uk.phone("07911 123456").orElseThrow().value());
    }

    @Test
    void phone_thatIsNoNumber_isRefused() {
        assertTrue(normalizer.phone("12").isEmpty());
        assertTrue(normalizer.phone("call me maybe").isEmpty());
    }

    @Test
    void regionOf_turkishMobile_isTR() {
        assertEquals("TR", normalizer.regionOf("+905551112233").orElseThrow());
    }

    @Test
    void opaque_keepsCaseAndRefusesControlCharacters() {
        assertEquals("CRM-42", normalizer.opaque(IdentityType.EXTERNAL_ID, " CRM-42 ").orElseThrow().value());
        assertTrue(normalizer.opaque(IdentityType.EXTERNAL_ID, "a\u0000b").isEmpty());
        assertTrue(normalizer.opaque(IdentityType.EXTERNAL_ID, "x".repeat(129)).isEmpty());
    }

    /** WhatsApp ids as Meta and Twilio send them, and the phone each must be the same customer as. */
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
            905321112233   | +905321112233  | a Turkish mobile, as given
            5215512345678  | +525512345678  | Mexico's old mobile 1 after +52 is dropped
            +5215512345678 | +525512345678  | the same, as Twilio writes it after whatsapp:
            525512345678   | +525512345678  | a Mexican number already in today's form
            551187654321   | +5511987654321 | a Brazilian mobile without its ninth digit gets it back
            552187654321   | +5521987654321 | the same in Rio's area code
            5511987654321  | +5511987654321 | a Brazilian mobile with its ninth digit, as given
            551133334444   | +551133334444  | a São Paulo landline keeps its eight digits
            5512345        | none           | too short to be anyone
            abc            | none           | not a number
            """)
    void whatsappPhone_isTheCustomersE164Number(String waId, String expected, String why) {
        assertEquals(java.util.Optional.ofNullable(expected), normalizer.whatsappPhone(waId).map(Identity::value), why);
    }
}
