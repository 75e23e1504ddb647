package dev.touchpoint.bench;

import java.util.Map;

/**
 * Infrastructure cost per million responses on AWS list prices (us-east-1, arm64), with the arithmetic
 * in the results so a reader can check it: API Gateway HTTP API requests, Lambda requests and duration
 * (ingest-api once per response, the processor once per batch of 10), SQS requests with batching,
 * DynamoDB on-demand write and read units as measured above. Durations are the warm p50 figures
 * measured in this run, which include I/O to the embedded services. A second total takes ingest
 * through ingest-api's function URL instead of the HTTP API; a third, responses that arrive by CSV
 * import (call-centre and paper feedback, {@code POST /v1/imports} through the HTTP API), where one
 * request and one ingest invocation carry 5 000 rows and the rows reach SQS ten a request; a fourth,
 * responses from the web widget, which cost a rate-limit write each (and one more request each for an
 * older embed that fetches its survey when opened); a fifth,
 * responses sent 500 to a request by a server ({@code POST /v1/feedback/batch}), as the CSV import.
 */
final class CostModel {

    static final double HTTP_API_PER_MILLION = 1.00;
    static final double LAMBDA_REQUESTS_PER_MILLION = 0.20;
    static final double LAMBDA_ARM_PER_GB_SECOND = 0.0000133334;
    static final double SQS_PER_MILLION = 0.40;
    static final double DYNAMODB_WRITE_PER_MILLION = 0.625;
    static final double DYNAMODB_READ_PER_MILLION = 0.125;
    static final double MEMORY_GB = 1.0;

    private CostModel() {
    }

    static void estimate(Map<String, Object> results) {
        double writes = ((Number) results.get("write_units_per_response.known_customer")).doubleValue();
        double reads = ((Number) results.get("read_units_per_response.known_customer")).doubleValue();
        double ingestMs = ((Number) results.get("warm_p50_ms.ingest-api")).doubleValue();
        double batchMs = ((Number) results.get("warm_p50_ms.processor_batch_of_10")).doubleValue();
        double api = HTTP_API_PER_MILLION;
        double lambdaRequests = LAMBDA_REQUESTS_PER_MILLION * (1 + 0.1);
        double lambdaDuration = 1e6 * MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND * (ingestMs + batchMs / 10) / 1000;
        double sqs = SQS_PER_MILLION * (1 + 0.2);
        double dynamoWrites = DYNAMODB_WRITE_PER_MILLION * writes;
        double dynamoReads = DYNAMODB_READ_PER_MILLION * reads;
        double total = api + lambdaRequests + lambdaDuration + sqs + dynamoWrites + dynamoReads;
        results.put("cost_usd_per_million_responses.api_gateway", Bench.round(api));
        results.put("cost_usd_per_million_responses.lambda_requests", Bench.round(lambdaRequests));
        results.put("cost_usd_per_million_responses.lambda_duration", Bench.round(lambdaDuration));
        results.put("cost_usd_per_million_responses.sqs", Bench.round(sqs));
        results.put("cost_usd_per_million_responses.dynamodb_writes", Bench.round(dynamoWrites));
        results.put("cost_usd_per_million_responses.dynamodb_reads", Bench.round(dynamoReads));
        results.put("cost_usd_per_million_responses.total", Bench.round(total));
        // The same with server-to-server ingest on ingest-api's function URL (CDK context ingestFunctionUrl):
        // Lambda function URLs carry no request charge; everything else is unchanged.
        results.put("cost_usd_per_million_responses.total_with_function_url_ingest", Bench.round(total - api));
        printArithmetic(writes, reads, ingestMs, batchMs, total, api);
        firstResponseOfANewCustomer(results, total, writes, reads);
        if (results.containsKey("write_units_per_request.widget_submission_at_ingest")) {
            webWidget(results, total, ingestMs, ((Number) results.get("write_units_per_request.widget_submission_at_ingest")).doubleValue());
        }
        if (results.containsKey("warm_p50_ms.import_of_5000_rows")) {
            inBulk(results, "total_with_csv_import", "total, responses imported by CSV", WarmLatency.IMPORT_ROWS,
                    ((Number) results.get("warm_p50_ms.import_of_5000_rows")).doubleValue(), batchMs, dynamoWrites + dynamoReads);
        }
        if (results.containsKey("warm_p50_ms.feedback_batch_of_500")) {
            inBulk(results, "total_with_feedback_batches_of_500", "total, responses in JSON batches", WarmLatency.BATCH_SUBMISSIONS,
                    ((Number) results.get("warm_p50_ms.feedback_batch_of_500")).doubleValue(), batchMs, dynamoWrites + dynamoReads);
        }
    }

    /**
     * The same response when it is a customer's first: the profile and its identity are created in one
     * transaction, which AWS bills two write units an item, and nothing is read ahead but the identity.
     */
    private static void firstResponseOfANewCustomer(Map<String, Object> results, double total, double writes, double reads) {
        Object newWrites = results.get("write_units_per_response.new_customer");
        Object newReads = results.get("read_units_per_response.new_customer");
        if (newWrites == null || newReads == null) {
            return;
        }
        double first = total + DYNAMODB_WRITE_PER_MILLION * (((Number) newWrites).doubleValue() - writes)
                + DYNAMODB_READ_PER_MILLION * (((Number) newReads).doubleValue() - reads);
        results.put("cost_usd_per_million_responses.total_first_response_of_a_new_customer", Bench.round(first));
        line("total, a new customer's first", "total + %.3f × (%.1f − %.1f) write units + %.3f × (%.1f − %.1f) read units".formatted(
                DYNAMODB_WRITE_PER_MILLION, ((Number) newWrites).doubleValue(), writes,
                DYNAMODB_READ_PER_MILLION, ((Number) newReads).doubleValue(), reads), first);
    }

    /**
     * Per response from the web widget: the POST costs what an API-key POST costs plus its rate-limit
     * window's write. Embedded as documented ({@code widget.js?survey=<id>}) the survey comes with the
     * script, which the browser loads with the page whether anyone answers or not, and caches. An older
     * embed naming the survey only by {@code data-survey} makes one more request for it through the HTTP
     * API to a function ({@code GET /w/surveys/{id}}, survey-web; one per widget opened, so at least one
     * per response), timed at ingest-api's warm p50, which does more. The widget's POST is a simple
     * request, which no browser preflights (a widget before 2026-11-24 made a third request, the CORS
     * preflight, US$1.20 a million more).
     */
    private static void webWidget(Map<String, Object> results, double total, double ingestMs, double rateLimitWrites) {
        double widget = total + DYNAMODB_WRITE_PER_MILLION * rateLimitWrites;
        results.put("cost_usd_per_million_responses.total_web_widget", Bench.round(widget));
        line("total, responses from the web widget", "total + %.3f × %.1f rate-limit write"
                .formatted(DYNAMODB_WRITE_PER_MILLION, rateLimitWrites), widget);
        double surveyRequest = HTTP_API_PER_MILLION + LAMBDA_REQUESTS_PER_MILLION + 1e6 * MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND * ingestMs / 1000;
        results.put("cost_usd_per_million_responses.total_web_widget_fetching_its_survey", Bench.round(widget + surveyRequest));
        line("  … an older embed fetching its survey", "+ (%.2f API + %.2f Lambda + %.2f ms)"
                .formatted(HTTP_API_PER_MILLION, LAMBDA_REQUESTS_PER_MILLION, ingestMs), widget + surveyRequest);
    }

    /**
     * Per response that arrives with {@code perRequest - 1} others in one request through the HTTP API (a
     * CSV import, a JSON batch): a {@code perRequest}th of a request and of an invocation and its
     * duration, a tenth of an SQS send.
     */
    private static void inBulk(Map<String, Object> results, String key, String label, int perRequest, double requestMs,
                               double batchMs, double dynamo) {
        double api = HTTP_API_PER_MILLION / perRequest;
        double lambdaRequests = LAMBDA_REQUESTS_PER_MILLION * (1.0 / perRequest + 0.1);
        double msPerResponse = requestMs / perRequest;
        double lambdaDuration = 1e6 * MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND * (msPerResponse + batchMs / 10) / 1000;
        double sqs = SQS_PER_MILLION * (0.1 + 0.2);
        double total = api + lambdaRequests + lambdaDuration + sqs + dynamo;
        results.put("cost_usd_per_million_responses." + key, Bench.round(total));
        line(label, ("%.2f/%d API + %.2f × (1/%d + 1/10) + duration (%.3f + %.2f / 10) ms"
                + " + %.2f × 3/10 SQS + DynamoDB").formatted(HTTP_API_PER_MILLION, perRequest, LAMBDA_REQUESTS_PER_MILLION, perRequest,
                msPerResponse, batchMs, SQS_PER_MILLION), total);
    }

    /** The sums behind the figures, so a reader can check them against the price list. */
    private static void printArithmetic(double writes, double reads, double ingestMs, double batchMs, double total, double api) {
        System.out.println("  cost per million responses, US$ (us-east-1 list prices, arm64, " + MEMORY_GB + " GB):");
        line("HTTP API", "%.2f × 1 request".formatted(HTTP_API_PER_MILLION), api);
        line("Lambda requests", "%.2f × (1 ingest + 1/10 processor batch)".formatted(LAMBDA_REQUESTS_PER_MILLION),
                LAMBDA_REQUESTS_PER_MILLION * 1.1);
        line("Lambda duration", "%.10f × %.1f GB × (%.2f + %.2f / 10) ms × 10^6 / 1000".formatted(LAMBDA_ARM_PER_GB_SECOND, MEMORY_GB,
                ingestMs, batchMs), 1e6 * MEMORY_GB * LAMBDA_ARM_PER_GB_SECOND * (ingestMs + batchMs / 10) / 1000);
        line("SQS", "%.2f × (1 send + 1/10 receive + 1/10 delete)".formatted(SQS_PER_MILLION), SQS_PER_MILLION * 1.2);
        line("DynamoDB writes", "%.3f × %.1f write units".formatted(DYNAMODB_WRITE_PER_MILLION, writes), DYNAMODB_WRITE_PER_MILLION * writes);
        line("DynamoDB reads", "%.3f × %.1f read units".formatted(DYNAMODB_READ_PER_MILLION, reads), DYNAMODB_READ_PER_MILLION * reads);
        line("total", "", total);
        line("total, ingest on the function URL", "total − HTTP API", total - api);
    }

    static void line(String part, String arithmetic, double usd) {
        System.out.printf("    %-34s %-62s = %.2f%n", part, arithmetic, usd);
    }
}
