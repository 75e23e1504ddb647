package dev.touchpoint.domain.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.identity.IdentityType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomerLanguageTest {

    /** Offered: a survey in English (its default) and Turkish. */
    @ParameterizedTest(name = "{4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            tr-TR | -  | -             | tr | the locale they gave
            en-GB | tr | +905551112233 | en | the locale beats the language of a message and the phone
            tr_TR | -  | -             | tr | a locale written the Java way
            de-DE | tr | -             | tr | a locale we cannot write in gives way to the language they write
            -     | en | +905551112233 | en | the language they last wrote in beats the phone's country
            -     | fr | +905551112233 | tr | a written language we cannot write in gives way to the phone
            -     | -  | +905551112233 | tr | a Turkish number
            -     | -  | +447700900123 | en | a British number
            -     | -  | +4915123456789| en | a German number with no German survey: the default
            -     | -  | -             | en | nothing known: the default
            """)
    void theOneLanguageWeWriteTo_aCustomer(String locale, String written, String phone, String expected, String why) {
        ProfileRecord profile = ProfileRecord.builder("p1", Instant.EPOCH).locale(locale).writtenLanguage(written)
                .identities(phone == null ? Set.of() : Set.of(new Identity(IdentityType.PHONE, phone))).build();
        assertEquals(expected, CustomerLanguage.of(profile, List.of("en", "tr"), "en"), why);
    }

    @ParameterizedTest(name = "{0} with {1} offered is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            +905551112233 | en,tr | tr
            +4915123456789| de,en | de
            +41446681800  | it,fr | it
            +41446681800  | fr,it | fr
            +12025550143  | tr,en | en
            """)
    void aPhoneNumbersCountry_givesALanguageSpokenThere(String phone, String offered, String expected) {
        assertEquals(expected, CustomerLanguage.ofPhoneCountry(phone, List.of(offered.split(","))).orElse("none"));
    }
}
