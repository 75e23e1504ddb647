package dev.touchpoint.reporting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.reports.ResponseExport;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.feedback.SubmissionWriter;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code GET /v1/responses?from=&to=&surveyId=&format=csv|json&separator=comma|semicolon&order=oldest|newest&cursor=&limit=}:
 * every response of the UTC days {@code from}–{@code to} once, page by page, oldest first or newest first ({@code next} in JSON, the
 * {@code x-next-cursor} header in CSV). CSV is UTF-8 with a byte-order mark (so spreadsheets read
 * Turkish letters), RFC 4180 quoting, and cells that a spreadsheet would run as a formula prefixed
 * with an apostrophe; separated by semicolons on request, since a spreadsheet set to a language that
 * writes decimals with a comma (Turkish, German, French) opens a comma-separated file as one column.
 */
final class ResponsesRoute {

    private static final List<String> COLUMNS = List.of("responseId", "answeredAt", "channel", "touchpoint", "surveyId",
            "profileId", "externalId", "invitationId", "nps", "csat", "ces", "rating", "answers");

    private static final Map<String, String> SEPARATORS = Map.of("comma", ",", "semicolon", ";");

    private final ResponseExport export;
    private final Supplier<Set<String>> surveyIds;
    private final Clock clock;

    ResponsesRoute(ResponseExport export, Supplier<Set<String>> surveyIds, Clock clock) {
        this.export = export;
        this.surveyIds = surveyIds;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse handle(HttpRequest request) {
        Map<String, String> query = request.query();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate from;
        LocalDate to;
        int limit;
        try {
            to = query.containsKey("to") ? LocalDate.parse(query.get("to")) : today;
            from = query.containsKey("from") ? LocalDate.parse(query.get("from")) : to.minusDays(29);
            limit = Integer.parseInt(query.getOrDefault("limit", "500"));
        } catch (DateTimeException | NumberFormatException e) {
            return invalid(request, "/query", "from and to are dates such as 2026-11-23; limit a number from 1 to " + ResponseExport.MAX_PAGE + ".");
        }
        String format = query.getOrDefault("format", "json");
        String separator = query.getOrDefault("separator", "comma");
        String order = query.getOrDefault("order", "oldest");
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) > 366 || limit < 1 || limit > ResponseExport.MAX_PAGE
                || !(format.equals("json") || format.equals("csv")) || !SEPARATORS.containsKey(separator)
                || !(order.equals("oldest") || order.equals("newest"))) {
            return invalid(request, "/query", "from ≤ to within 366 days, limit 1–" + ResponseExport.MAX_PAGE
                    + ", format json or csv, separator comma or semicolon, order oldest or newest.");
        }
        if (query.containsKey("surveyId") && !surveyIds.get().contains(query.get("surveyId"))) {
            return invalid(request, "/query/surveyId", "No such survey; one of " + String.join(", ", new TreeSet<>(surveyIds.get())) + ".");
        }
        ResponseExport.Page page;
        try {
            page = export.page(from, to, Optional.ofNullable(query.get("surveyId")), Optional.ofNullable(query.get("cursor")), limit,
                    order.equals("newest"));
        } catch (IllegalArgumentException e) {
            return invalid(request, "/query/cursor", "Not a cursor of this export; start again without one.");
        }
        return format.equals("csv") ? csv(page, SEPARATORS.get(separator)) : json(page);
    }

    private static APIGatewayV2HTTPResponse invalid(HttpRequest request, String pointer, String detail) {
        return HttpResponses.invalid("The export request is not valid.", List.of(new FieldError(pointer, detail)), request.path());
    }

    private static APIGatewayV2HTTPResponse json(ResponseExport.Page page) {
        ObjectNode root = StrictJson.object();
        ArrayNode list = root.putArray("responses");
        for (ResponseRecord r : page.responses()) {
            ObjectNode node = list.addObject().put("id", r.responseId()).put("answeredAt", r.answeredAt().toString())
                    .put("channel", r.channel()).put("touchpoint", r.touchpoint()).put("surveyId", r.surveyId())
                    .put("profileId", r.profileId()).put("externalId", r.externalId()).put("invitationId", r.invitationId());
            ArrayNode answers = node.putArray("answers");
            r.answers().forEach(a -> answers.add(SubmissionWriter.answer(a)));
        }
        root.put("next", page.next());
        return HttpResponses.json(200, root);
    }

    private static APIGatewayV2HTTPResponse csv(ResponseExport.Page page, String separator) {
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(separator, COLUMNS)).append("\r\n");
        for (ResponseRecord r : page.responses()) {
            List<String> cells = List.of(r.responseId(), r.answeredAt().toString(), r.channel(), nz(r.touchpoint()), nz(r.surveyId()),
                    nz(r.profileId()), nz(r.externalId()), nz(r.invitationId()), score(r, "nps"), score(r, "csat"), score(r, "ces"),
                    score(r, "rating"), r.answers().stream().map(a -> a.questionId() + "=" + value(a)).collect(Collectors.joining(" | ")));
            csv.append(cells.stream().map(text -> cell(text, separator)).collect(Collectors.joining(separator))).append("\r\n");
        }
        APIGatewayV2HTTPResponse response = HttpResponses.content(200, "text/csv; charset=utf-8", csv.toString());
        return HttpResponses.withHeaders(response, page.next() == null
                ? Map.of("cache-control", "no-store", "content-disposition", "attachment; filename=\"responses.csv\"")
                : Map.of("cache-control", "no-store", "content-disposition", "attachment; filename=\"responses.csv\"",
                        "x-next-cursor", page.next()));
    }

    private static String score(ResponseRecord r, String type) {
        return r.answers().stream().filter(a -> a.type().wireName().equals(type)).findFirst()
                .map(a -> Integer.toString(a.score())).orElse("");
    }

    private static String value(Answer a) {
        return a.type().isScored() ? Integer.toString(a.score()) : a.text();
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    /** RFC 4180 quoting; a leading = + - @ (a formula to a spreadsheet) is defused with an apostrophe. */
    static String cell(String text, String separator) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("-?\\d+") ? "'" + text : text;
        boolean quote = safe.contains(separator) || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
