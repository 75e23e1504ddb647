package dev.touchpoint.bench;

import java.util.Map;

/**
 * What inviting costs, per million post-service surveys sent by email, on the same list prices as
 * {@link CostModel}: the service event through the HTTP API, ingest-api and SQS to the processor, which
 * schedules the invitation; survey-dispatcher's send; and SES's delivery report, published to an SNS topic
 * and counted by delivery-events. DynamoDB units as {@link WritesPerInvitation} measured them. SES sends
 * at US$0.10 per 1 000 emails; SNS publishes at US$0.50 a million and delivers to Lambda at no charge.
 * Left out: the dispatcher's own invocations (one a minute, whatever it sends) and its duration per
 * invitation, which the bench does not time.
 */
final class InvitationCost {

    static final double SES_PER_MILLION_EMAILS = 100.0;
    static final double SNS_PUBLISH_PER_MILLION = 0.50;

    private InvitationCost() {
    }

    static void estimate(Map<String, Object> results) {
        Double scheduledWrites = number(results, "write_units_per_invitation.scheduled");
        Double ingestMs = number(results, "warm_p50_ms.ingest-api");
        Double batchMs = number(results, "warm_p50_ms.processor_batch_of_10");
        Double reportMs = number(results, "warm_p50_ms_as_deployed.delivery-events");
        if (scheduledWrites == null || ingestMs == null || batchMs == null || reportMs == null) {
            return;
        }
        double writes = scheduledWrites + number(results, "write_units_per_invitation.sent");
        double reads = number(results, "read_units_per_invitation.scheduled") + number(results, "read_units_per_invitation.sent");
        double report = eachReport(results, reportMs);
        double scheduledAndSent = CostModel.HTTP_API_PER_MILLION
                + CostModel.LAMBDA_REQUESTS_PER_MILLION * 1.1
                + 1e6 * CostModel.MEMORY_GB * CostModel.LAMBDA_ARM_PER_GB_SECOND * (ingestMs + batchMs / 10) / 1000
                + CostModel.SQS_PER_MILLION * 1.2
                + CostModel.DYNAMODB_WRITE_PER_MILLION * writes + CostModel.DYNAMODB_READ_PER_MILLION * reads;
        double touchpoint = scheduledAndSent + report;
        results.put("cost_usd_per_million_email_invitations.touchpoint_with_a_delivery_report", Bench.round(touchpoint));
        results.put("cost_usd_per_million_email_invitations.each_further_report", Bench.round(report));
        results.put("cost_usd_per_million_email_invitations.ses", SES_PER_MILLION_EMAILS);
        results.put("cost_usd_per_million_email_invitations.total", Bench.round(touchpoint + SES_PER_MILLION_EMAILS));
        System.out.println("  cost per million email invitations, US$ (the same prices):");
        CostModel.line("scheduled and sent", ("HTTP API 1 + Lambda %.2f × 1.1 + duration (%.2f + %.2f / 10) ms"
                + " + SQS 0.48 + %.3f × %.1f write units + %.3f × %.1f read units").formatted(CostModel.LAMBDA_REQUESTS_PER_MILLION,
                ingestMs, batchMs, CostModel.DYNAMODB_WRITE_PER_MILLION, writes, CostModel.DYNAMODB_READ_PER_MILLION, reads), scheduledAndSent);
        CostModel.line("each delivery report (an open, a click: the same)",
                "SNS %.2f + Lambda %.2f + duration %.2f ms + DynamoDB".formatted(SNS_PUBLISH_PER_MILLION, CostModel.LAMBDA_REQUESTS_PER_MILLION, reportMs), report);
        CostModel.line("SES", "%.2f per 1 000 emails × 1 000".formatted(SES_PER_MILLION_EMAILS / 1000), SES_PER_MILLION_EMAILS);
        CostModel.line("total, one delivery report", "", touchpoint + SES_PER_MILLION_EMAILS);
    }

    /** One SES report: its publish to the topic, a delivery-events invocation, and its DynamoDB units. */
    private static double eachReport(Map<String, Object> results, double reportMs) {
        return SNS_PUBLISH_PER_MILLION + CostModel.LAMBDA_REQUESTS_PER_MILLION
                + 1e6 * CostModel.MEMORY_GB * CostModel.LAMBDA_ARM_PER_GB_SECOND * reportMs / 1000
                + CostModel.DYNAMODB_WRITE_PER_MILLION * number(results, "write_units_per_invitation.delivery_report")
                + CostModel.DYNAMODB_READ_PER_MILLION * number(results, "read_units_per_invitation.delivery_report");
    }

    private static Double number(Map<String, Object> results, String key) {
        Object value = results.get(key);
        return value == null ? null : ((Number) value).doubleValue();
    }
}
