package dev.touchpoint.reporting;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.reports.GroupBy;
import dev.touchpoint.domain.reports.GroupSummary;
import dev.touchpoint.domain.reports.SummaryReport;
import dev.touchpoint.domain.validation.FieldError;
import dev.touchpoint.wire.json.StrictJson;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code GET /v1/reports/summary?from=&to=&surveyId=&channel=&groupBy=channel|touchpoint|survey|day|week|month}: UTC days
 * {@code from} to {@code to} inclusive (default: the last 30 days), at most {@value SummaryReport#MAX_DAYS} days.
 */
final class SummaryRoute {

    private final SummaryReport report;
    private final Supplier<Set<String>> surveyIds;
    private final Clock clock;

    /** @param surveyIds the surveys a report may be filtered by: the deployment's, read on first use */
    SummaryRoute(SummaryReport report, Supplier<Set<String>> surveyIds, Clock clock) {
        this.report = report;
        this.surveyIds = surveyIds;
        this.clock = clock;
    }

    APIGatewayV2HTTPResponse handle(HttpRequest request) {
        Map<String, String> query = request.query();
        List<FieldError> errors = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate to = date(query.get("to"), today, "/query/to", errors);
        LocalDate from = date(query.get("from"), to.minusDays(29), "/query/from", errors);
        Optional<GroupBy> groupBy = GroupBy.fromWireName(query.getOrDefault("groupBy", "channel"));
        if (groupBy.isEmpty()) {
            errors.add(new FieldError("/query/groupBy", "One of channel, touchpoint, survey, day, week, month."));
        }
        if (errors.isEmpty() && (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= SummaryReport.MAX_DAYS)) {
            errors.add(new FieldError("/query/from", "from must not be after to, and the range at most " + SummaryReport.MAX_DAYS + " days."));
        }
        // A filter that cannot match must not be answered with empty groups, as if nobody had answered:
        // an unknown survey or channel is the caller's mistake. Channels match without case, as at ingest.
        Optional<String> surveyId = Optional.ofNullable(query.get("surveyId"));
        if (surveyId.isPresent() && !surveyIds.get().contains(surveyId.get())) {
            errors.add(new FieldError("/query/surveyId", "No such survey; one of " + String.join(", ", new TreeSet<>(surveyIds.get())) + "."));
            surveyId = Optional.empty();
        }
        Optional<String> channel = Optional.ofNullable(query.get("channel")).map(name -> Channel.fromWireName(name)
                .map(Channel::wireName).orElseGet(() -> {
                    errors.add(new FieldError("/query/channel", "One of " + Channel.allWireNames() + "."));
                    return null;
                }));
        if (!errors.isEmpty()) {
            return HttpResponses.invalid("The report request is not valid.", errors, request.path());
        }
        List<GroupSummary> groups = report.summarise(from, to, surveyId, channel, groupBy.get());
        ObjectNode root = StrictJson.object().put("from", from.toString()).put("to", to.toString())
                .put("groupBy", groupBy.get().wireName());
        surveyId.ifPresent(id -> root.put("surveyId", id));
        channel.ifPresent(c -> root.put("channel", c));
        ArrayNode list = root.putArray("groups");
        groups.forEach(group -> list.add(json(group)));
        return HttpResponses.json(200, root);
    }

    private static LocalDate date(String text, LocalDate fallback, String pointer, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeException e) {
            errors.add(new FieldError(pointer, "A date such as 2026-11-23."));
            return fallback;
        }
    }

    static ObjectNode json(GroupSummary g) {
        ObjectNode node = StrictJson.object().put("key", g.key()).put("responses", g.responses());
        node.putObject("nps").put("score", g.nps().score()).put("promoters", g.nps().promoters()).put("passives", g.nps().passives())
                .put("detractors", g.nps().detractors()).put("marginOfError", g.nps().marginOfError())
                .put("low", g.nps().low()).put("high", g.nps().high());
        node.putObject("csat").put("score", g.csat().score()).put("responses", g.csat().responses());
        node.putObject("ces").put("mean", g.ces().mean()).put("responses", g.ces().responses());
        node.putObject("rating").put("mean", g.rating().mean()).put("responses", g.rating().responses());
        node.putObject("funnel").put("invited", g.funnel().invited()).put("delivered", g.funnel().delivered())
                .put("opened", g.funnel().opened()).put("clicked", g.funnel().clicked()).put("responded", g.funnel().responded())
                .put("responseRate", g.funnel().responseRate());
        ObjectNode decisions = node.putObject("decisions").put("sent", g.decisions().sent());
        ObjectNode deferred = decisions.putObject("deferred");
        g.decisions().deferred().forEach(deferred::put);
        ObjectNode dropped = decisions.putObject("dropped");
        g.decisions().dropped().forEach(dropped::put);
        return node;
    }
}
