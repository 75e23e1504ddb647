package dev.touchpoint.ingest.meta;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.wire.json.StrictJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A WhatsApp Flow's {@code response_json}, as Flows of different shapes submit it, and what is read from it. */
class WhatsappFlowAnswersTest {

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            {"flow_token":"t1","nps":"9","comment":"Hızlı teslimat"}           | 9  | Hızlı teslimat | a score as text, then a comment
            {"flow_token":"t1","rating":4,"why":"Slow checkout"}               | 4  | Slow checkout  | a score as a number
            {"flow_token":"t1","comment":"Only words","other":"and more"}      | -  | Only words\\nand more | no score: the text fields, in order
            {"flow_token":"t1","nps":"9","csat":"4"}                           | 9  | -              | the first whole number is the score; numbers are never comments
            {"flow_token":"t1","nps":" 7 ","agreed":true}                      | 7  | -              | spaces around the number; a switch is no comment
            {"flow_token":"t1"}                                                | -  | -              | nothing answered: not read
            not json                                                           | -  | -              | malformed: not read
            """)
    void aFlowsAnswers_areItsScoreAndComment(String responseJson, String score, String comment, String why) {
        ObjectNode reply = StrictJson.object().put("name", "flow").put("body", "Sent").put("response_json", responseJson);
        var content = WhatsappMessages.flow(reply);
        assertEquals(score, content.map(WhatsappMessages.Content::payload).orElse(null), why);
        assertEquals(comment == null ? null : comment.replace("\\n", "\n"),
                content.map(WhatsappMessages.Content::text).filter(t -> !t.isEmpty()).orElse(null), why);
    }
}
