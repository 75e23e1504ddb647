package dev.touchpoint.domain.profile;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import dev.touchpoint.domain.identity.IdentityType;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one language we speak to a customer in, on every channel and in every message: an invitation, a
 * follow-up question, a "please write it" reply. In order: the locale they or the business gave us; else
 * the language they last wrote to us in; else the language of their phone's country; else the survey's
 * default. Each is taken only when we can write in it, so a Turkish customer of an English-only survey
 * still reads English rather than nothing.
 */
public final class CustomerLanguage {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private CustomerLanguage() {
    }

    /** @param offered the languages we can write in, in the order the survey prefers them */
    public static String of(ProfileRecord profile, Collection<String> offered, String fallback) {
        return known(profile, offered).orElse(fallback);
    }

    /** The customer's language when the profile tells it; empty when only a default would. */
    public static Optional<String> known(ProfileRecord profile, Collection<String> offered) {
        return fromLocale(profile.locale(), offered)
                .or(() -> Optional.ofNullable(profile.writtenLanguage()).filter(offered::contains))
                .or(() -> profile.identity(IdentityType.PHONE).flatMap(phone -> ofPhoneCountry(phone.value(), offered)));
    }

    /** The first offered language of a locale or an Accept-Language list ({@code tr-TR}, {@code en-GB,tr;q=0.8}). */
    public static Optional<String> fromLocale(String localeOrAcceptLanguage, Collection<String> offered) {
        if (localeOrAcceptLanguage == null) {
            return Optional.empty();
        }
        return Arrays.stream(localeOrAcceptLanguage.split(","))
                .map(range -> Locale.forLanguageTag(range.split(";", 2)[0].trim().replace('_', '-')).getLanguage())
                .filter(offered::contains).findFirst();
    }

    /**
     * A language spoken in the phone number's country, by the JDK's locale data (CLDR): {@code +90} is
     * Turkish, {@code +49} German; a country of several ({@code +41}) gives the first the survey offers.
     */
    static Optional<String> ofPhoneCountry(String e164, Collection<String> offered) {
        String region;
        try {
            region = PHONES.getRegionCodeForNumber(PHONES.parse(e164, "ZZ"));
        } catch (NumberParseException notAPhone) {
            return Optional.empty();
        }
        if (region == null) {
            return Optional.empty();
        }
        Set<String> spoken = SpokenIn.BY_COUNTRY.getOrDefault(region, Set.of());
        return offered.stream().filter(spoken::contains).findFirst();
    }

    /**
     * Reads the JDK's locale list now (about 85 ms the first time in a JVM): a function whose first event
     * may invite or answer a customer calls it on a thread of its own while it builds the rest of itself.
     */
    public static void loadLocaleData() {
        SpokenIn.BY_COUNTRY.size();
    }

    /** The languages of each country, read once from the JDK's 1,100-odd locales. */
    private static final class SpokenIn {
        static final Map<String, Set<String>> BY_COUNTRY = Arrays.stream(Locale.getAvailableLocales())
                .filter(locale -> !locale.getCountry().isEmpty())
                .collect(Collectors.groupingBy(Locale::getCountry, Collectors.mapping(Locale::getLanguage, Collectors.toUnmodifiableSet())));
    }
}
