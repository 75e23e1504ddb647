package dev.touchpoint.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;

/**
 * The child JVM of {@link LibraryCosts}: in a fresh JVM on a function's unpacked jar, times each step of
 * one library's first use, as the function uses it, and prints {@code FIRST_USE <step> <ms> <result>} per
 * step. Each library's calls sit in a class of their own, so none of its classes is loaded or verified
 * before the step's timer starts.
 */
public final class LibraryFirstUse {

    private LibraryFirstUse() {
    }

    public static void main(String[] args) {
        List<String> steps = switch (args[0]) {
            case "libphonenumber" -> List.of("e164", "time_zone");
            case "zxing" -> List.of("qr_code");
            case "jackson_csv" -> List.of("json_first", "rows");
            case "jsoup", "html_regex" -> List.of("html_text");
            case "language_detector" -> List.of("profiles", "guess");
            default -> throw new IllegalArgumentException("no such library: " + args[0]);
        };
        for (String step : steps) {
            long start = System.nanoTime();
            String result = use(args[0] + "." + step);
            double millis = (System.nanoTime() - start) / 1e6;
            System.out.println("FIRST_USE " + step + " " + millis + " " + result);
        }
    }

    private static String use(String step) {
        return switch (step) {
            case "libphonenumber.e164" -> Phones.e164("0555 111 22 33", "TR");
            case "libphonenumber.time_zone" -> Phones.timeZones("+905551112233");
            case "zxing.qr_code" -> QrCodes.size("http://localhost:8080/q/store-kadikoy");
            case "jackson_csv.json_first" -> CsvRows.jsonFields("{\"channel\":\"paper\",\"nps\":9}");
            case "jackson_csv.rows" -> CsvRows.count("externalId,nps,comment\r\np-1,9,\"fine, \"\"really\"\"\"\r\np-2,3,slow\r\n");
            case "html_regex.html_text" -> HtmlMail.stripped(HtmlMail.SAMPLE);
            case "jsoup.html_text" -> HtmlMail.text(HtmlMail.SAMPLE);
            case "language_detector.profiles" -> Languages.load();
            case "language_detector.guess" -> Languages.guess("Kasadaki görevli çok ilgiliydi");
            default -> throw new IllegalArgumentException(step);
        };
    }

    /** As {@code IdentityNormalizer} (E.164 in a default region) and {@code CustomerTimeZones} use it. */
    private static final class Phones {
        static String e164(String phone, String region) {
            try {
                var phones = PhoneNumberUtil.getInstance();
                return phones.format(phones.parse(phone, region), PhoneNumberUtil.PhoneNumberFormat.E164);
            } catch (NumberParseException e) {
                throw new IllegalStateException(e);
            }
        }

        static String timeZones(String phone) {
            try {
                return PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(
                        PhoneNumberUtil.getInstance().parse(phone, null)).toString();
            } catch (NumberParseException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** As ingest-email's {@code HtmlText} reads an HTML-only reply: parsed, the quote removed, the text of what is left. */
    private static final class HtmlMail {
        static final String SAMPLE = "<div dir=\"ltr\"><div>10 puan</div><div>Kasiyer &ccedil;ok ilgiliydi</div></div>"
                + "<div class=\"gmail_quote\"><blockquote>Nasıldık?</blockquote></div>";

        /** What ingest-email did before jsoup: tags removed by regular expressions, five entities replaced. */
        static String stripped(String html) {
            return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", "").replaceAll("(?i)<br\\s*/?>|</p>", "\n")
                    .replaceAll("<[^>]+>", "").replace("&nbsp;", " ").replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
        }

        static String text(String html) {
            var document = Jsoup.parse(html);
            document.select("div.gmail_quote").remove();
            return document.body().text();
        }
    }

    /** As the processor's {@code NgramLanguageGuesser}: the profiles of the languages we write in, then one message read. */
    private static final class Languages {
        private static LanguageDetector detector;

        static String load() {
            try {
                var profiles = new LanguageProfileReader().read(List.of("en", "tr"));
                detector = LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
                return profiles.size() + "-profiles";
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        static String guess(String text) {
            return detector.getProbabilities(CommonTextObjectFactories.forDetectingShortCleanText().forText(text))
                    .get(0).getLocale().getLanguage();
        }
    }

    /** As survey-web's {@code QrCodeRoute} encodes a touchpoint's URL (error correction M, quiet zone 4). */
    private static final class QrCodes {
        static String size(String url) {
            try {
                var matrix = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0,
                        Map.of(EncodeHintType.ERROR_CORRECTION,
                                ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
                return matrix.getWidth() + "x" + matrix.getHeight();
            } catch (WriterException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * As ingest-api's {@code CsvReader} reads an import: every row an array of text. First a JSON read
     * with Jackson's core, which every function makes before any import, so that {@code rows} is the CSV
     * parser's own cost.
     */
    private static final class CsvRows {
        static String jsonFields(String json) {
            int fields = 0;
            try (var parser = new JsonFactory().createParser(json)) {
                for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    fields += token == JsonToken.FIELD_NAME ? 1 : 0;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return fields + "-fields";
        }

        static String count(String csv) {
            var factory = CsvFactory.builder()
                    .enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
            int cells = 0;
            try (var parser = factory.createParser(csv)) {
                parser.setSchema(CsvSchema.emptySchema());
                for (var token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    cells += token == JsonToken.VALUE_STRING ? 1 : 0;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return cells + "-cells";
        }
    }
}
