package dev.touchpoint.local;

import static dev.touchpoint.local.LocalApi.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.touchpoint.contract.config.Setting;
import dev.touchpoint.wire.json.StrictJson;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The summary report against a recomputation from the raw responses: a known, seeded set of responses
 * over several channels and days goes through the real pipeline, and every number of the report is
 * computed again here, by this test's own arithmetic.
 */
class ReportIT {

    private record Seeded(String channel, LocalDate day, int nps, Integer csat, Integer ces) {
    }

    private static final List<String> CHANNELS = List.of("sms", "web", "kiosk", "email");
    private static LocalRuntime runtime;
    private static LocalApi api;
    private static final List<Seeded> SEEDED = new ArrayList<>();
    private static LocalDate first;
    private static LocalDate last;

    @BeforeAll
    static void seed() throws Exception {
        runtime = LocalRuntime.start(LocalConfig.from(new String[] {"--port", "0", "--in-memory"}, Map.of(Setting.API_KEY.variable(), "report-key")));
        api = new LocalApi(runtime);
        Random random = new Random(20261123);
        last = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        first = last.minusDays(3);
        for (int i = 0; i < 120; i++) {
            Seeded s = new Seeded(CHANNELS.get(random.nextInt(CHANNELS.size())), first.plusDays(random.nextInt(4)), random.nextInt(11),
                    random.nextBoolean() ? 1 + random.nextInt(5) : null, random.nextInt(3) == 0 ? 1 + random.nextInt(7) : null);
            SEEDED.add(s);
            StringBuilder answers = new StringBuilder("{\"questionId\":\"nps\",\"type\":\"nps\",\"value\":" + s.nps() + "}");
            if (s.csat() != null) {
                answers.append(",{\"questionId\":\"csat\",\"type\":\"csat\",\"value\":").append(s.csat()).append('}');
            }
            if (s.ces() != null) {
                answers.append(",{\"questionId\":\"ces\",\"type\":\"ces\",\"value\":").append(s.ces()).append('}');
            }
            HttpResponse<String> response = api.postFeedback("""
                    {"externalId":"report-%d","channel":"%s","surveyId":"store-visit","answers":[%s],"submittedAt":"%sT12:00:00Z"}"""
                    .formatted(i, s.channel(), answers, s.day()));
            assertEquals(202, response.statusCode(), response.body());
        }
        FeedbackPipelineIT.drain(runtime);
    }

    @AfterAll
    static void stop() throws Exception {
        runtime.close();
    }

    private static JsonNode summary(String query) {
        HttpResponse<String> response = api.get("/v1/reports/summary?" + query);
        assertEquals(200, response.statusCode(), response.body());
        return StrictJson.read(response.body());
    }

    @Test
    void summaryByChannel_matchesARecomputationFromTheRawResponses() {
        JsonNode report = eventually("all responses are counted", () -> summary("from=" + first + "&to=" + last + "&groupBy=channel"),
                r -> total(r) == SEEDED.size());
        for (JsonNode group : report.get("groups")) {
            List<Seeded> mine = SEEDED.stream().filter(s -> s.channel().equals(group.get("key").asText())).toList();
            assertGroup(group, mine);
        }
        assertEquals(SEEDED.stream().map(Seeded::channel).distinct().count(), report.get("groups").size());
    }

    @Test
    void summaryByDay_forOneDay_onlyCountsThatDay() {
        JsonNode report = summary("from=" + first.plusDays(1) + "&to=" + first.plusDays(1) + "&groupBy=day&surveyId=store-visit");
        assertEquals(1, report.get("groups").size());
        assertGroup(report.get("groups").get(0), SEEDED.stream().filter(s -> s.day().equals(first.plusDays(1))).toList());
    }

    @Test
    void summaryByWeekAndMonth_groupTheSameResponsesByTheirIsoWeekAndMonth() {
        eventually("all responses are counted", () -> summary("from=" + first + "&to=" + last + "&groupBy=channel"),
                r -> total(r) == SEEDED.size());
        for (String groupBy : List.of("week", "month")) {
            JsonNode report = summary("from=" + first + "&to=" + last + "&groupBy=" + groupBy);
            Map<String, List<Seeded>> expected = new TreeMap<>(SEEDED.stream().collect(Collectors.groupingBy(s -> groupBy.equals("week")
                    ? String.format(Locale.ROOT, "%d-W%02d", s.day().get(IsoFields.WEEK_BASED_YEAR), s.day().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR))
                    : s.day().toString().substring(0, 7))));
            List<String> keys = new ArrayList<>();
            report.get("groups").forEach(group -> {
                keys.add(group.get("key").asText());
                assertGroup(group, expected.get(group.get("key").asText()));
            });
            assertEquals(new ArrayList<>(expected.keySet()), keys, groupBy + ": every week or month of the seeded days, in order");
        }
    }

    @Test
    void badParameters_areA400WithThePointer() {
        HttpResponse<String> response = api.get("/v1/reports/summary?groupBy=colour&from=yesterday");
        assertEquals(400, response.statusCode());
        assertEquals(2, StrictJson.read(response.body()).get("errors").size());
    }

    /** A filter that cannot match is the caller's mistake, not a period in which nobody answered. */
    @Test
    void filters_anUnknownChannelOrSurveyIsA400_andChannelsMatchWithoutCase() {
        for (String query : List.of("channel=fax", "surveyId=no-such-survey")) {
            HttpResponse<String> response = api.get("/v1/reports/summary?" + query);
            assertEquals(400, response.statusCode(), query + ": " + response.body());
            assertEquals("/query/" + query.substring(0, query.indexOf('=')),
                    StrictJson.read(response.body()).get("errors").get(0).get("pointer").asText());
        }
        String period = "from=" + first + "&to=" + last + "&groupBy=day";
        JsonNode lower = eventually("all responses are counted", () -> summary(period + "&channel=sms"), r -> total(r) > 0);
        JsonNode upper = summary(period + "&channel=SMS");
        assertEquals(lower.get("groups"), upper.get("groups"), "SMS is sms, as at ingest");
        assertEquals("sms", upper.get("channel").asText());
    }

    private static long total(JsonNode report) {
        long total = 0;
        for (JsonNode group : report.get("groups")) {
            total += group.get("responses").asLong();
        }
        return total;
    }

    /** NPS, its margin of error, CSAT and CES recomputed from the seeded answers, as a reader would by hand. */
    private static void assertGroup(JsonNode group, List<Seeded> responses) {
        int n = responses.size();
        long promoters = responses.stream().filter(s -> s.nps() >= 9).count();
        long detractors = responses.stream().filter(s -> s.nps() <= 6).count();
        double p = (double) promoters / n;
        double d = (double) detractors / n;
        assertEquals(n, group.get("responses").asInt());
        assertEquals(promoters, group.get("nps").get("promoters").asLong());
        assertEquals(detractors, group.get("nps").get("detractors").asLong());
        assertEquals(n - promoters - detractors, group.get("nps").get("passives").asLong());
        assertEquals(Math.round((p - d) * 1000) / 10.0, group.get("nps").get("score").asDouble(), 1e-9);
        // the adjusted Wald margin: ¾ of a promoter and of a detractor, and 3 answers, added
        double adjusted = n + 3;
        double pa = (promoters + 0.75) / adjusted;
        double da = (detractors + 0.75) / adjusted;
        double halfWidth = 196 * Math.sqrt((pa + da - (pa - da) * (pa - da)) / adjusted);
        assertEquals(Math.round(halfWidth * 10) / 10.0, group.get("nps").get("marginOfError").asDouble(), 1e-9);
        // the interval: centred on the adjusted score, clipped to the scale
        double centre = (pa - da) * 100;
        assertEquals(Math.round(Math.max(-100, centre - halfWidth) * 10) / 10.0, group.get("nps").get("low").asDouble(), 1e-9);
        assertEquals(Math.round(Math.min(100, centre + halfWidth) * 10) / 10.0, group.get("nps").get("high").asDouble(), 1e-9);
        List<Integer> csat = responses.stream().map(Seeded::csat).filter(Objects::nonNull).toList();
        assertEquals(csat.size(), group.get("csat").get("responses").asInt());
        if (!csat.isEmpty()) {
            assertEquals(Math.round(1000.0 * csat.stream().filter(v -> v >= 4).count() / csat.size()) / 10.0,
                    group.get("csat").get("score").asDouble(), 1e-9);
        }
        List<Integer> ces = responses.stream().map(Seeded::ces).filter(Objects::nonNull).toList();
        assertEquals(ces.size(), group.get("ces").get("responses").asInt());
        if (!ces.isEmpty()) {
            assertEquals(Math.round(100.0 * ces.stream().mapToInt(Integer::intValue).sum() / ces.size()) / 100.0,
                    group.get("ces").get("mean").asDouble(), 1e-9);
        }
    }
}
