package dev.touchpoint.domain.survey;

import dev.touchpoint.domain.feedback.Channel;
import java.util.Set;

/**
 * A registered place where customers answer: a store, a web page, an app screen. Anonymous routes (the
 * widget, kiosk and QR pages) accept only registered touchpoints, on the channels each allows, so nobody
 * can invent {@code store-rival} and fill it with answers.
 *
 * @param kind     what it is: store, web, app, call_centre, paper…, for people reading reports
 * @param surveyId the survey it asks
 * @param channels the anonymous channels it may be answered on (kiosk, qr, web, app)
 */
public record Touchpoint(String id, String name, String kind, String surveyId, Set<Channel> channels) {

    public Touchpoint {
        channels = Set.copyOf(channels);
    }

    public boolean allows(Channel channel) {
        return channels.contains(channel);
    }
}
