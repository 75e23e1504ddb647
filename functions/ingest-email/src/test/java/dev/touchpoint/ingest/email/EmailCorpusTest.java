package dev.touchpoint.ingest.email;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.touchpoint.domain.conversation.AutomaticMail;
import dev.touchpoint.domain.conversation.EmailReplies;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's corpus of replies as each mail client writes them (events/corpus/email, written by
 * scripts/email-corpus.py): every message's new text, and whether it is a person's answer, automatic
 * mail or an unsubscribe request, exactly as cases.tsv says.
 */
class EmailCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyClientsReply_readsAsTheCustomerWroteIt() throws IOException {
        return cases().stream().map(row -> DynamicTest.dynamicTest(row[0], () -> {
            MimeText.Parsed parsed = MimeText.parse(resource(row[0])).orElseThrow();
            assertEquals(row[3].replace("\\n", "\n"), EmailReplies.newText(parsed.text()), "new text");
            String kind = AutomaticMail.reason(parsed::header, parsed.subject(), parsed.contentType(), row[2]).isPresent() ? "automatic"
                    : AutomaticMail.isUnsubscribeRequest(parsed.subject()) ? "unsubscribe" : "message";
            assertEquals(row[1], kind, "kind");
        }));
    }

    private static List<String[]> cases() throws IOException {
        return new String(resource("cases.tsv"), StandardCharsets.UTF_8).lines()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).map(line -> line.split("\t", -1)).toList();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = EmailCorpusTest.class.getResourceAsStream("/events/corpus/email/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no corpus file " + name);
            }
            return in.readAllBytes();
        }
    }
}
