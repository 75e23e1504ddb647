package dev.touchpoint.processor;

import dev.touchpoint.aws.AwsClients;
import dev.touchpoint.aws.Environment;
import dev.touchpoint.aws.sns.SnsSmsSender;
import dev.touchpoint.domain.conversation.ReplySender;
import dev.touchpoint.domain.invitation.OutgoingSms;

/**
 * Replies in AWS. SMS that came in through AWS two-way SMS go back through SNS from the origination
 * identity. Replies through Twilio's and Meta's send APIs are not built yet: such a reply is not sent,
 * and the log says so (the conversation's answers are recorded all the same).
 */
final class ProviderReplySender implements ReplySender {

    private final Environment env;
    private SnsSmsSender sms;

    ProviderReplySender(Environment env) {
        this.env = env;
    }

    @Override
    public void reply(String channel, String provider, String recipient, String text) {
        if (provider.equals("aws-sms")) {
            sms().send(new OutgoingSms(null, recipient, text, env.optional("TOUCHPOINT_SMS_ORIGINATION").orElse(null), null));
        } else {
            System.out.println("processor: no reply sender for provider " + provider + " yet; reply not sent");
        }
    }

    private synchronized SnsSmsSender sms() {
        if (sms == null) {
            sms = new SnsSmsSender(AwsClients.sns(env));
        }
        return sms;
    }
}
