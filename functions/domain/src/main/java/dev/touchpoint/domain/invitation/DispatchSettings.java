package dev.touchpoint.domain.invitation;

import java.time.ZoneId;

/**
 * How invitations go out. {@code publicUrl} is where survey links point; {@code replyDomain} is the
 * domain of the {@code reply+<token>@} address SES receives replies on; {@code dailyCap} bounds the
 * invitations sent per UTC day across the deployment (cost and sender reputation); what it stops waits
 * for the next UTC day, or is dropped when {@code dropAtDailyCap}.
 */
public record DispatchSettings(String publicUrl, String senderEmail, String replyDomain, String configurationSet,
                               String smsOriginationIdentity, ZoneId defaultTimeZone, QuietHours quietHours,
                               int dailyCap, boolean dropAtDailyCap) {

    public static final int DEFAULT_DAILY_CAP = 10_000;

    public String link(String path) {
        return publicUrl.endsWith("/") ? publicUrl + path.substring(1) : publicUrl + path;
    }
}
