package dev.touchpoint.infra;

import java.util.List;
import java.util.Optional;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * Email that survey invitations go out through: an SES configuration set whose bounce, complaint,
 * delivery, open and click events go to an SNS topic (consumed by delivery-events), and the sender
 * identity from the stage's configuration. Creating the identity makes SES send its verification mail.
 */
public final class SurveyEmail extends Construct {

    static final List<EmailSendingEvent> TRACKED_EVENTS = List.of(EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT,
            EmailSendingEvent.DELIVERY, EmailSendingEvent.OPEN, EmailSendingEvent.CLICK);

    private final ConfigurationSet configurationSet;
    private final Topic events;

    public SurveyEmail(Construct scope, String id, Optional<String> senderEmail) {
        super(scope, id);
        this.events = Topic.Builder.create(this, "Events")
                .displayName("Touchpoint email delivery events")
                .enforceSsl(true)
                .build();
        this.configurationSet = ConfigurationSet.Builder.create(this, "ConfigurationSet").build();
        configurationSet.addEventDestination("ToTopic", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.snsTopic(events))
                .events(TRACKED_EVENTS)
                .build());
        senderEmail.ifPresent(sender -> EmailIdentity.Builder.create(this, "Sender")
                .identity(Identity.email(sender))
                .configurationSet(configurationSet)
                .build());
    }

    public ConfigurationSet configurationSet() {
        return configurationSet;
    }

    public Topic events() {
        return events;
    }
}
