package dev.touchpoint.contract.config;

/**
 * Every configuration variable a Touchpoint function or the local runtime reads, named once. The CDK
 * app sets them by these constants, the functions' wirings read them by these constants, and the local
 * runtime passes them on by these constants, so a renamed setting cannot drift between the three. The
 * variable is {@code TOUCHPOINT_} and the constant's name. A secret setting may instead be given as the
 * ARN of a Secrets Manager secret in {@code <variable>_SECRET_ARN}, which is how the CDK app passes it.
 */
public enum Setting {

    // Where things are: set by the stack and by the local runtime
    TABLE("the DynamoDB table every profile, response and counter lives in"),
    QUEUE_URL("the feedback queue the webhooks and the API send to, and the processor reads"),
    DLQ_URL("the feedback queue's dead-letter queue, where a message that cannot be handled is parked with its reason"),
    MAX_RECEIVE_COUNT("deliveries of a message before the processor parks it in the dead-letter queue itself (5)"),
    CLOSED_LOOP_QUEUE_URL("the queue of detractor alerts and outgoing webhooks"),
    CLOSED_LOOP_DLQ_URL("the closed-loop queue's dead-letter queue"),
    ALERTS_TOPIC_ARN("the SNS topic detractor alerts are published to"),
    INBOUND_MAIL_BUCKET("the S3 bucket SES writes inbound mail to"),
    INBOUND_MAIL_PREFIX("the key prefix of inbound mail in that bucket"),
    PUBLIC_URL("the address customers reach the survey pages and webhooks at"),

    // Keys and secrets
    API_KEY("the key /v1/* accepts in x-api-key", true),
    API_KEY_HASHES("named, salted hashes of further API keys (name:salt:hash, as --new-api-key prints them)"),
    SURVEY_TOKEN_KEY("the deployment's secret that survey links, response and invitation ids are derived under", true),
    PUBLISHABLE_KEYS("the widget's publishable keys and the origins each may be used from (key=origin|origin)"),

    // Public callers' limits
    WIDGET_RATE_LIMIT("widget submissions a minute per publishable key and address (20)"),
    DEVICE_RATE_LIMIT("kiosk and QR answers a minute per address at one touchpoint (10)"),
    TOUCHPOINT_RATE_LIMIT("kiosk and QR answers a minute per touchpoint (60)"),

    // Identity and time
    DEFAULT_REGION("the phone region of numbers written without a country code (TR)"),
    DEFAULT_TIME_ZONE("the time zone of quiet hours when a customer's is unknown (Europe/Istanbul)"),

    // Invitations
    SENDER_EMAIL("the address invitations and replies are mailed from (survey@touchpoint.invalid; locally survey@touchpoint.local)"),
    REPLY_DOMAIN("the domain customers' mail replies are addressed to (the sender's domain)"),
    REPLY_SUBJECT("the subject of a team member's mailed reply (Re: your feedback / Geri bildiriminiz)"),
    SES_CONFIGURATION_SET("the SES configuration set that reports deliveries, bounces and complaints"),
    SMS_ORIGINATION("the number or sender id invitations are texted from"),
    QUIET_HOURS("the window in the customer's time zone when no invitation is sent (21:00-09:00)"),
    DAILY_SEND_CAP("invitations sent per UTC day (10000)"),
    DAILY_CAP_ACTION("what the daily cap does with the rest: defer (to the next UTC day; the default) or drop"),

    // Messaging providers
    TWILIO_ACCOUNT_SID("the Twilio account replies are sent from"),
    TWILIO_AUTH_TOKEN("the Twilio auth token webhooks are verified and replies sent with", true),
    TWILIO_SMS_FROM("the Twilio number SMS replies are sent from"),
    TWILIO_WHATSAPP_FROM("the Twilio WhatsApp sender replies are sent from"),
    TWILIO_API_URL("Twilio's API address, a stand-in's in tests (https://api.twilio.com)"),
    META_APP_SECRET("the Meta app secret webhooks are verified with", true),
    META_VERIFY_TOKEN("the token Meta's webhook subscription handshake must echo", true),
    META_ACCESS_TOKEN("the Meta access token WhatsApp replies are sent with", true),
    META_PHONE_NUMBER_ID("the WhatsApp Business number replies are sent from"),
    META_GRAPH_URL("Meta's Graph API address, a stand-in's in tests (https://graph.facebook.com/v21.0)"),

    // Outgoing webhooks
    WEBHOOK_URLS("outgoing webhook endpoints, name=https://..., comma-separated"),
    WEBHOOK_SECRET("the secret outgoing webhooks are signed with", true),
    WEBHOOK_MAX_ATTEMPTS("attempts at one outgoing webhook before it is parked (8)"),
    WEBHOOK_BACKOFF_SECONDS("the first retry's delay of an outgoing webhook, tripled each time (30)"),

    // Operation
    AWS_ATTEMPT_TIMEOUT_MS("how long one DynamoDB or SQS attempt may take (3000)"),
    AWS_CALL_TIMEOUT_MS("how long one DynamoDB or SQS call may take, retries included (4000)"),
    LOG_LEVEL("the least level of the functions' JSON log lines (INFO)"),
    SDK_LOG_LEVEL("the least level of the AWS SDK's log lines (WARN)"),
    METRICS("emf prints the business metrics' EMF lines outside Lambda too (off)"),
    METRICS_NAMESPACE("the CloudWatch namespace of the business metrics (Touchpoint)"),

    // The local runtime only
    PORT("local: the port the runtime listens on (8080)"),
    DATA_DIR("local: where the runtime keeps its data (.touchpoint)"),
    VISIBILITY_TIMEOUT_SECONDS("local: the feedback queue's visibility timeout (30)"),
    DISPATCH_INTERVAL_SECONDS("local: how often survey-dispatcher runs (60)"),
    PROCESSOR_POLLERS("local: processors polling the feedback queue at once (1)"),
    READ_TIMEOUT_SECONDS("local: how long a client may take to send its whole request (30)");

    /** What every variable's name starts with: the local runtime passes on exactly these (and AWS's own). */
    public static final String PREFIX = "TOUCHPOINT_";

    private final String purpose;
    private final boolean secret;

    Setting(String purpose) {
        this(purpose, false);
    }

    Setting(String purpose, boolean secret) {
        this.purpose = purpose;
        this.secret = secret;
    }

    /** The environment variable, e.g. {@code TOUCHPOINT_TABLE}. */
    public String variable() {
        return PREFIX + name();
    }

    /** The variable naming the Secrets Manager secret that holds a secret setting's value. */
    public String secretArnVariable() {
        if (!secret) {
            throw new IllegalStateException(variable() + " is not a secret setting");
        }
        return variable() + "_SECRET_ARN";
    }

    public boolean secret() {
        return secret;
    }

    /** What the setting is for, and its default in brackets where it has one (docs/configuration.md lists these). */
    public String purpose() {
        return purpose;
    }

    @Override
    public String toString() {
        return variable();
    }
}
