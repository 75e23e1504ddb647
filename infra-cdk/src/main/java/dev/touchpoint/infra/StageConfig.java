package dev.touchpoint.infra;

import java.util.Optional;
import software.constructs.Node;

/**
 * What differs between stages, read from CDK context ({@code cdk deploy -c stage=prod -c senderEmail=…}):
 * nothing else does. {@code dev} and {@code prod} differ only in these values.
 *
 * @param stage                  dev or prod; names the stack
 * @param senderEmail            the SES identity survey emails come from (optional until surveys are sent)
 * @param smsOriginationIdentity the phone number or sender id SMS go out from (optional)
 * @param customDomain           a domain for the API (optional; with {@code certificateArn}, an ACM certificate for it)
 * @param alarmEmail             who the operations topic emails (optional)
 * @param publishableKeys        widget keys and their origins, {@code pk_x=https://shop.example|https://www.shop.example,…}
 * @param twilioAccountSid       Twilio account for replies; {@code twilioSmsFrom}, {@code twilioWhatsappFrom} our senders
 * @param metaPhoneNumberId      the WhatsApp Cloud phone number id replies go out from
 * @param apiKeyHashes           the API keys accepted, as salted hashes ({@code --new-api-key} prints one); without
 *                               them a key is generated into Secrets Manager
 * @param webhookUrls            outgoing webhook endpoints, {@code crm=https://…,helpdesk=https://…} (none: not deployed)
 * @param defaultPhoneRegion     region for phone numbers written without a country code
 * @param deletionProtection     keep the table from being deleted (on by default in prod)
 * @param ingestFunctionUrl      also expose ingest-api on a Lambda function URL (no per-request charge) for
 *                               server-to-server calls; off by default
 * @param edgeWebAclArn          the web ACL {@link EdgeProtection} made in us-east-1, put in front of the CloudFront
 *                               distribution (optional: without it the distribution has none, and cdk-nag says why)
 */
public record StageConfig(
        String stage,
        Optional<String> senderEmail,
        Optional<String> smsOriginationIdentity,
        Optional<String> customDomain,
        Optional<String> certificateArn,
        Optional<String> alarmEmail,
        Optional<String> publishableKeys,
        Optional<String> twilioAccountSid,
        Optional<String> twilioSmsFrom,
        Optional<String> twilioWhatsappFrom,
        Optional<String> metaPhoneNumberId,
        Optional<String> webhookUrls,
        Optional<String> apiKeyHashes,
        String defaultPhoneRegion,
        boolean deletionProtection,
        boolean ingestFunctionUrl,
        Optional<String> edgeWebAclArn) {

    public static StageConfig fromContext(Node node) {
        String stage = text(node, "stage").orElse("dev");
        if (!stage.matches("[a-z][a-z0-9-]{0,19}")) {
            throw new IllegalArgumentException("stage must be a short lower-case name such as dev or prod: " + stage);
        }
        boolean prod = stage.equals("prod");
        return new StageConfig(stage, text(node, "senderEmail"), text(node, "smsOriginationIdentity"),
                text(node, "customDomain"), text(node, "certificateArn"), text(node, "alarmEmail"), text(node, "publishableKeys"),
                text(node, "twilioAccountSid"), text(node, "twilioSmsFrom"), text(node, "twilioWhatsappFrom"),
                text(node, "metaPhoneNumberId"), text(node, "webhookUrls"), text(node, "apiKeyHashes"),
                text(node, "defaultPhoneRegion").orElse("TR"),
                text(node, "deletionProtection").map(Boolean::parseBoolean).orElse(prod),
                text(node, "ingestFunctionUrl").map(Boolean::parseBoolean).orElse(false), text(node, "edgeWebAclArn"));
    }

    public boolean isProduction() {
        return stage.equals("prod");
    }

    private static Optional<String> text(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }
}
