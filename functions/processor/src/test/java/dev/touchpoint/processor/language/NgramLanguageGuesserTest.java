package dev.touchpoint.processor.language;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.profile.LanguageGuesser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NgramLanguageGuesserTest {

    private static final LanguageGuesser GUESSER = NgramLanguageGuesser.of(List.of("en", "tr"));

    /** What customers write to a Turkish business, in both its languages, and what each must be read as. */
    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Kasadaki görevli çok ilgiliydi             | tr
            Siparişim hâlâ gelmedi                     | tr
            Paket ezik geldi                           | tr
            kargo geç geldi ama ürün güzel             | tr
            teşekkürler                                | tr
            Fatura ekte, iki kez ödeme alındı          | tr
            The staff was great                        | en
            delivery was late                          | en
            thanks a lot                               | en
            The cashier was really helpful, thank you  | en
            9                                          | none
            ok                                         | none
            iyi                                        | none
            10/10 👍                                    | none
            """)
    void aMessage_isReadInItsLanguage_orNotAtAllWhenTooShort(String text, String expected) {
        assertEquals(expected, GUESSER.languageOf(text).orElse("none"));
    }

    @Test
    void oneLanguageOffered_guessesNothing() {
        assertEquals("none", NgramLanguageGuesser.of(List.of("en")).languageOf("Kasadaki görevli çok ilgiliydi").orElse("none"));
    }
}
