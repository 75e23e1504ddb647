package dev.touchpoint.aws.ses;

import dev.touchpoint.domain.delivery.DeliveryEvent;
import dev.touchpoint.domain.invitation.EmailSender;
import dev.touchpoint.domain.invitation.OutgoingEmail;
import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.MessageHeader;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

/**
 * Survey email through SES v2 {@code SendEmail} with simple content: HTML and text parts, custom
 * headers (RFC 8058 one-click unsubscribe), the reply-to, the configuration set whose events come back
 * through delivery-events, and the invitation id as a message tag so those events find their invitation.
 * A team member's reply has no invitation and only a text part.
 */
public final class SesEmailSender implements EmailSender {


    private final SesV2Client ses;

    public SesEmailSender(SesV2Client ses) {
        this.ses = ses;
    }

    @Override
    public String send(OutgoingEmail email) {
        SendEmailRequest.Builder request = SendEmailRequest.builder()
                .fromEmailAddress(email.from())
                .destination(d -> d.toAddresses(email.to()))
                .replyToAddresses(email.replyTo())
                .content(c -> c.simple(m -> m
                        .subject(utf8(email.subject()))
                        .body(b -> b.html(email.html() == null ? null : utf8(email.html())).text(utf8(email.text())))
                        .headers(email.headers().entrySet().stream()
                                .map(h -> MessageHeader.builder().name(h.getKey()).value(h.getValue()).build())
                                .toList())));
        if (email.invitationId() != null) {
            request.emailTags(MessageTag.builder().name(DeliveryEvent.INVITATION_TAG).value(email.invitationId()).build());
        }
        if (email.configurationSet() != null) {
            request.configurationSetName(email.configurationSet());
        }
        return ses.sendEmail(request.build()).messageId();
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset(StandardCharsets.UTF_8.name()).build();
    }
}
