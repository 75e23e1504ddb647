package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.FieldError;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.SubmissionReader;
import dev.touchpoint.domain.json.StrictJson;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/imports}: call-centre and paper feedback as CSV ({@code text/csv}, header row as in
 * docs/api.md). Every row becomes the contract's submission and is validated by the same reader as
 * {@code POST /v1/feedback}; valid rows go through the same queue (idempotent per row: its externalId,
 * else its content), invalid ones are reported with their row number and field errors. 202 with the counts.
 */
final class ImportRoute implements ApiRoute {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 5000;
    static final List<String> COLUMNS = List.of("externalId", "channel", "touchpoint", "surveyId", "email", "phone",
            "customerExternalId", "name", "locale", "submittedAt", "nps", "csat", "ces", "rating", "comment");

    private final SubmissionReader reader;
    private final FeedbackIntake intake;

    ImportRoute(SubmissionReader reader, FeedbackIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Override
    public String routeKey() {
        return "POST /v1/imports";
    }

    @Override
    public APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String path = request.path();
        if (!request.mediaType().map("text/csv"::equals).orElse(false)) {
            return HttpResponses.problem(415, "unsupported-media-type", "Unsupported media type", "Send the rows as text/csv.", path);
        }
        if (request.bodySize() < 0 || request.bodySize() > MAX_BODY_BYTES) {
            return HttpResponses.problem(413, "payload-too-large", "Payload too large",
                    "An import may be at most " + MAX_BODY_BYTES + " bytes; split larger files.", path);
        }
        List<List<String>> rows;
        try {
            rows = CsvReader.read(request.bodyText());
        } catch (CharacterCodingException e) {
            return HttpResponses.problem(400, "invalid-encoding", "Invalid encoding", "The CSV is not valid UTF-8.", path);
        } catch (CsvReader.MalformedCsvException e) {
            return HttpResponses.problem(400, "malformed-csv", "Malformed CSV", e.getMessage(), path);
        }
        if (rows.isEmpty() || !rows.get(0).stream().map(String::strip).toList().equals(COLUMNS) || rows.size() - 1 > MAX_ROWS) {
            return HttpResponses.invalid("The CSV header must be exactly: " + String.join(",", COLUMNS) + " (at most "
                    + MAX_ROWS + " rows).", List.of(new FieldError("/row/1", "Unexpected header or too many rows.")), path);
        }
        return HttpResponses.json(202, importRows(rows.subList(1, rows.size())));
    }

    /** Every row is checked first; the valid ones are then queued together, ten a request. */
    private ObjectNode importRows(List<List<String>> rows) {
        List<FeedbackSubmission> valid = new ArrayList<>();
        ArrayNode rejected = StrictJson.array();
        for (int i = 0; i < rows.size(); i++) {
            int rowNumber = i + 2;
            try {
                valid.add(reader.read(submission(rows.get(i))));
            } catch (InvalidSubmissionException e) {
                HttpResponses.fieldErrors(rejected.addObject().put("row", rowNumber).putArray("errors"), e.errors());
            }
        }
        intake.acceptAll(valid);
        ObjectNode result = StrictJson.object().put("accepted", valid.size()).put("rejected", rejected.size());
        result.set("errors", rejected);
        return result;
    }

    /** One row as the contract's submission; a missing channel means paper. */
    private static ObjectNode submission(List<String> cells) {
        Map<String, String> cell = new HashMap<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            cell.put(COLUMNS.get(c), c < cells.size() ? cells.get(c).strip() : "");
        }
        ObjectNode root = StrictJson.object();
        putIfPresent(root, "externalId", cell.get("externalId"));
        root.put("channel", cell.get("channel").isEmpty() ? "paper" : cell.get("channel"));
        putIfPresent(root, "touchpoint", cell.get("touchpoint"));
        putIfPresent(root, "surveyId", cell.get("surveyId"));
        putIfPresent(root, "submittedAt", cell.get("submittedAt"));
        ObjectNode customer = StrictJson.object();
        putIfPresent(customer, "email", cell.get("email"));
        putIfPresent(customer, "phone", cell.get("phone"));
        putIfPresent(customer, "externalId", cell.get("customerExternalId"));
        putIfPresent(customer, "name", cell.get("name"));
        putIfPresent(customer, "locale", cell.get("locale"));
        if (!customer.isEmpty()) {
            root.set("customer", customer);
        }
        ArrayNode answers = root.putArray("answers");
        for (String score : List.of("nps", "csat", "ces", "rating")) {
            String value = cell.get(score);
            if (!value.isEmpty()) {
                ObjectNode answer = answers.addObject().put("questionId", score).put("type", score);
                if (value.matches("-?\\d{1,9}")) {
                    answer.put("value", Integer.parseInt(value));
                } else {
                    answer.put("value", value);
                }
            }
        }
        if (!cell.get("comment").isEmpty()) {
            answers.addObject().put("questionId", "comment").put("type", "text").put("value", cell.get("comment"));
        }
        return root;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null && !value.isEmpty()) {
            node.put(field, value);
        }
    }
}
