package dev.touchpoint.ingest.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.contract.Route;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackIntake;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.feedback.InvalidSubmissionException;
import dev.touchpoint.domain.feedback.PartlyQueuedException;
import dev.touchpoint.domain.feedback.SubmissionDraft.AnswerDraft;
import dev.touchpoint.domain.feedback.SubmissionDraft.Answers;
import dev.touchpoint.domain.feedback.SubmissionDraft;
import dev.touchpoint.domain.survey.SurveyAnswers;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.domain.validation.Sent;
import dev.touchpoint.domain.validation.SentObject;
import dev.touchpoint.wire.json.StrictJson;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/imports}: call-centre and paper feedback as CSV ({@code text/csv}, a header row naming
 * its columns, {@link ImportColumns}; docs/api.md). Every row becomes a submission as sent ({@link SubmissionDraft}), with
 * no JSON in between, and is checked by the same {@code SubmissionCheck} as {@code POST /v1/feedback}; valid rows go through the same queue (idempotent per row: its externalId,
 * else its content), invalid ones are reported with their row number and field errors. 202 with the counts.
 */
final class ImportRoute implements ApiRoute {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 5000;
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of("/externalId", "externalId", "/channel", "channel",
            "/touchpoint", "touchpoint", "/surveyId", "surveyId", "/submittedAt", "submittedAt", "/customer/email", "email",
            "/customer/phone", "phone", "/customer/externalId", "customerExternalId", "/customer/name", "name",
            "/customer/locale", "locale");
    /** The customer's columns, each with the contract's name of its field. */
    private static final Map<String, String> CUSTOMER_FIELD_OF_COLUMN = Map.of("email", "email", "phone", "phone",
            "customerExternalId", "externalId", "name", "name", "locale", "locale");
    private static final Pattern ANSWER_POINTER = Pattern.compile("/answers/(\\d+)");

    private final CheckedSubmissions reader;
    private final FeedbackIntake intake;

    ImportRoute(CheckedSubmissions reader, FeedbackIntake intake) {
        this.reader = reader;
        this.intake = intake;
    }

    @Override
    public Route route() {
        return Route.IMPORT_FEEDBACK;
    }

    @Override
    public APIGatewayV2HTTPResponse handle(HttpRequest request) {
        String path = request.path();
        if (!request.mediaType().map("text/csv"::equals).orElse(false)) {
            return HttpResponses.problem(415, ProblemType.UNSUPPORTED_MEDIA_TYPE, "Send the rows as text/csv.", path);
        }
        if (request.bodySize() < 0 || request.bodySize() > MAX_BODY_BYTES) {
            return HttpResponses.problem(413, ProblemType.PAYLOAD_TOO_LARGE,
                    "An import may be at most " + MAX_BODY_BYTES + " bytes; split larger files.", path);
        }
        List<List<String>> rows;
        try {
            rows = CsvReader.read(request.bodyText());
        } catch (CharacterCodingException e) {
            return HttpResponses.problem(400, ProblemType.INVALID_ENCODING, "The CSV is not valid UTF-8.", path);
        } catch (CsvReader.MalformedCsvException e) {
            return HttpResponses.problem(400, ProblemType.MALFORMED_CSV, e.getMessage(), path);
        }
        if (rows.isEmpty()) {
            return HttpResponses.invalid("The file is empty: its first row names the columns.",
                    List.of(new FieldError("/row/1", "No header.")), path);
        }
        if (rows.size() == 1) {
            return HttpResponses.invalid("The file holds no rows under its header.",
                    List.of(new FieldError("/row/2", "No rows.")), path);
        }
        if (rows.size() - 1 > MAX_ROWS) {
            return HttpResponses.invalid("An import holds at most " + MAX_ROWS + " rows; split larger files.",
                    List.of(new FieldError("/row/" + (MAX_ROWS + 2), "Too many rows.")), path);
        }
        Optional<Channel> defaultChannel = Channel.fromWireName(request.query().getOrDefault("channel", "paper"));
        if (defaultChannel.isEmpty()) {
            return HttpResponses.invalid("The channel of rows without one must be a channel.",
                    List.of(new FieldError("/query/channel", "One of " + Channel.allWireNames() + ".")), path);
        }
        ImportColumns columns;
        try {
            columns = ImportColumns.of(rows.get(0));
        } catch (ImportColumns.InvalidHeaderException e) {
            return HttpResponses.invalid(e.getMessage(), List.of(new FieldError("/row/1", e.getMessage())), path);
        }
        return HttpResponses.json(202, importRows(columns, defaultChannel.get(), rows.subList(1, rows.size())));
    }

    /** Every row is checked first; the valid ones are then queued together, ten a request. */
    private ObjectNode importRows(ImportColumns columns, Channel defaultChannel, List<List<String>> rows) {
        List<FeedbackSubmission> valid = new ArrayList<>();
        List<Integer> validRows = new ArrayList<>();
        ArrayNode rejected = StrictJson.array();
        for (int i = 0; i < rows.size(); i++) {
            int rowNumber = i + 2;
            List<String> row = rows.get(i);
            Optional<Integer> stray = columns.strayCell(row);
            if (stray.isPresent()) {
                reject(rejected, rowNumber, List.of(new FieldError("",
                        "Cell " + stray.get() + " holds text under no column of the header; quote a cell that holds a comma.")));
                continue;
            }
            Map<String, String> cells = columns.cells(row);
            try {
                valid.add(reader.check(submission(cells, defaultChannel)));
                validRows.add(rowNumber);
            } catch (InvalidSubmissionException e) {
                reject(rejected, rowNumber, e.errors().stream().map(error -> inRow(error, cells)).toList());
            }
        }
        Set<Integer> notQueued = queue(valid);
        notQueued.forEach(index -> reject(rejected, validRows.get(index), List.of(new FieldError("",
                "Not stored this time; import the file again (each row is stored once, however often it is sent)."))));
        ObjectNode result = StrictJson.object().put("accepted", valid.size() - notQueued.size())
                .put("rejected", rejected.size() - notQueued.size());
        if (!notQueued.isEmpty()) {
            result.put("failed", notQueued.size());
        }
        result.set("errors", rejected);
        return result;
    }

    /** Queues the valid rows; answers the positions of those the queue did not take (all of them: it throws). */
    private Set<Integer> queue(List<FeedbackSubmission> valid) {
        try {
            intake.acceptAll(valid);
            return Set.of();
        } catch (PartlyQueuedException e) {
            if (e.notQueued().size() == valid.size()) {
                throw e; // nothing was stored: the 503 says so
            }
            return new TreeSet<>(e.notQueued());
        }
    }

    private static void reject(ArrayNode rejected, int rowNumber, List<FieldError> errors) {
        HttpResponses.fieldErrors(rejected.addObject().put("row", rowNumber).putArray("errors"), errors);
    }

    /** One row as what was sent: a submission's fields; a row without a channel has the import's ({@code ?channel=}, else paper). */
    private static SubmissionDraft submission(Map<String, String> cell, Channel defaultChannel) {
        String channel = cell.get("channel").isEmpty() ? defaultChannel.wireName() : cell.get("channel");
        return new SubmissionDraft(List.of(), Sent.textOrAbsent(cell.get("externalId")), Sent.text(channel),
                Sent.textOrAbsent(cell.get("touchpoint")), Sent.textOrAbsent(cell.get("surveyId")), customer(cell),
                Answers.of(answerColumns(cell).stream().map(column -> answer(column, cell.get(column))).toList()),
                Sent.textOrAbsent(cell.get("submittedAt")));
    }

    /** The row's customer columns that hold something, under the contract's names; none is an anonymous customer. */
    private static SentObject customer(Map<String, String> cell) {
        Map<String, Sent> members = new HashMap<>();
        CUSTOMER_FIELD_OF_COLUMN.forEach((column, field) -> {
            if (!Sent.textOrAbsent(cell.get(column)).isAbsent()) {
                members.put(field, Sent.text(cell.get(column)));
            }
        });
        return members.isEmpty() ? SentObject.ABSENT : SentObject.of(List.of(), members);
    }

    /** A score column's whole number is a score; anything else, and the comment, is text (which a score column refuses). */
    private static AnswerDraft answer(String column, String value) {
        boolean comment = column.equals("comment");
        Sent sent = !comment && value.matches("-?\\d{1,9}") ? new Sent.Whole(Long.parseLong(value)) : Sent.text(value);
        return AnswerDraft.of(List.of(), Sent.text(column), Sent.text(comment ? "text" : column), sent);
    }

    /** The row's answer columns that hold something, in the order their answers are made. */
    private static List<String> answerColumns(Map<String, String> cell) {
        return ImportColumns.ANSWERS.stream().filter(column -> !cell.get(column).isEmpty()).toList();
    }

    /**
     * An error of a row's submission as the row's writer sees it: its pointer names the column at
     * fault ({@code /nps}, {@code /email}), or is empty for the row as a whole.
     */
    private static FieldError inRow(FieldError error, Map<String, String> cell) {
        String pointer = error.pointer();
        if (COLUMN_OF_FIELD.containsKey(pointer)) {
            return new FieldError("/" + COLUMN_OF_FIELD.get(pointer), error.detail());
        }
        Matcher answer = ANSWER_POINTER.matcher(pointer);
        List<String> answerColumns = answerColumns(cell);
        if (answer.lookingAt() && Integer.parseInt(answer.group(1)) < answerColumns.size()) {
            return new FieldError("/" + answerColumns.get(Integer.parseInt(answer.group(1))), error.detail());
        }
        if (pointer.equals("/answers") && error.detail().startsWith(SurveyAnswers.MISSING)) {
            // A required question of the row's survey left empty: its column, when the sheet has one.
            String question = error.detail().substring(SurveyAnswers.MISSING.length() + 1).split("'", 2)[0];
            return new FieldError(ImportColumns.ANSWERS.contains(question) ? "/" + question : "", error.detail());
        }
        if (pointer.equals("/answers")) {
            return new FieldError("", "The row answers nothing: fill at least one of " + String.join(", ", ImportColumns.ANSWERS) + ".");
        }
        return new FieldError("", error.detail());
    }
}
