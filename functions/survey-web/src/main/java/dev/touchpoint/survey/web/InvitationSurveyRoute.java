package dev.touchpoint.survey.web;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.touchpoint.aws.apigateway.HttpRequest;
import dev.touchpoint.aws.apigateway.HttpResponses;
import dev.touchpoint.aws.apigateway.ProblemType;
import dev.touchpoint.domain.feedback.Channel;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.feedback.FeedbackQueue;
import dev.touchpoint.domain.feedback.FeedbackSubmission;
import dev.touchpoint.domain.identity.Customer;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.InvitationRepository;
import dev.touchpoint.domain.invitation.InvitationStatus;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.domain.privacy.SuppressionList;
import dev.touchpoint.domain.profile.CustomerLanguage;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileRepository;
import dev.touchpoint.domain.response.ResponseRepository;
import dev.touchpoint.domain.survey.SurveyAnswers;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET|POST /s/{token}}: the survey of one invitation. The token is verified (signature and
 * expiry) before anything is read; the answer is queued as the {@code web} channel of that invitation,
 * keyed by the invitation so that a second submission is the same response. A POST of
 * {@code List-Unsubscribe=One-Click} (RFC 8058, sent by mail clients) opts the customer out of email.
 */
final class InvitationSurveyRoute {

    private final SurveyTokens tokens;
    private final InvitationRepository invitations;
    private final ProfileRepository profiles;
    private final SurveyCatalog surveys;
    private final FeedbackQueue queue;
    private final SuppressionList suppressions;
    private final ResponseRepository responses;
    private final Clock clock;

    InvitationSurveyRoute(SurveyTokens tokens, InvitationRepository invitations, ProfileRepository profiles,
                          SurveyCatalog surveys, FeedbackQueue queue, SuppressionList suppressions, ResponseRepository responses,
                          Clock clock) {
        this.responses = responses;
        this.tokens = tokens;
        this.invitations = invitations;
        this.profiles = profiles;
        this.surveys = surveys;
        this.queue = queue;
        this.suppressions = suppressions;
        this.clock = clock;
    }

    /** What a valid token leads to. */
    private record Found(String token, Invitation invitation, SurveyDefinition survey, String language) {
    }

    APIGatewayV2HTTPResponse get(HttpRequest request, String token) {
        Optional<Found> found = find(request, token);
        if (found.isEmpty()) {
            return invalidLink(request);
        }
        Found f = found.get();
        if (request.query().containsKey("unsubscribe")) {
            return Pages.html(200, SurveyPage.unsubscribeForm("/s/" + token, f.language()));
        }
        String until = UiText.date(f.invitation().expiresAt(), f.language());
        if (f.invitation().status() == InvitationStatus.ANSWERED) {
            // The last answer counts until the link expires: the stored one, to change or complete.
            return Pages.html(200, SurveyPage.form(f.survey(), f.language(), SurveyPage.Mode.INVITATION, "/s/" + token,
                    storedAnswers(f.invitation()), Map.of(), Map.of(), SurveyPage.Notice.of(UiText.of("answeredChange", f.language())
                            .replace("{until}", until))));
        }
        Map<String, String> prefill = new HashMap<>();
        String score = request.query().get("score");
        Optional<String> clicked = f.survey().leadingScoreQuestion().filter(q -> score != null && score.matches("\\d{1,2}")
                && q.type().accepts(Integer.parseInt(score))).map(q -> {
                    prefill.put(q.id(), score);
                    return q.id();
                });
        // A score clicked in the email: the page posts it itself as it opens (a bare GET records nothing, since mail
        // scanners follow links); without JavaScript the customer presses Send once.
        SurveyPage.Notice notice = clicked.map(question -> new SurveyPage.Notice(UiText.of("scoreToSend", f.language()),
                UiText.of("scoreRecorded", f.language()).replace("{until}", until), question, score)).orElse(null);
        return Pages.html(200, SurveyPage.form(f.survey(), f.language(), SurveyPage.Mode.INVITATION, "/s/" + token,
                prefill, Map.of(), Map.of(), notice));
    }

    /** The answers recorded for an invitation, as the form's values (none yet, while the queue still holds them). */
    private Map<String, String> storedAnswers(Invitation invitation) {
        Map<String, String> values = new HashMap<>();
        responses.find(FeedbackEvent.responseIdFor("invitation:" + invitation.id())).ifPresent(response -> response.answers()
                .forEach(answer -> values.put(answer.questionId(), answer.type().isScored() ? Integer.toString(answer.score()) : answer.text())));
        return values;
    }

    APIGatewayV2HTTPResponse post(HttpRequest request, String token) {
        Optional<Found> found = find(request, token);
        if (found.isEmpty()) {
            return invalidLink(request);
        }
        Found f = found.get();
        Optional<Map<String, String>> form = FormBody.read(request);
        if (form.isEmpty()) {
            return HttpResponses.problem(415, ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Post the survey form (application/x-www-form-urlencoded, at most " + FormBody.MAX_BYTES + " bytes).", request.path());
        }
        if ("One-Click".equals(form.get().get("List-Unsubscribe"))) {
            unsubscribe(f.invitation());
            return Pages.html(200, SurveyPage.message("OK", UiText.of("unsubscribeDone", f.language()), f.language()));
        }
        Map<String, String> raw = FormBody.answers(form.get());
        SurveyAnswers.Result result = SurveyAnswers.check(f.survey(), raw);
        if (!result.isValid()) {
            return Pages.html(400, SurveyPage.form(f.survey(), f.language(), SurveyPage.Mode.INVITATION, "/s/" + token,
                    raw, result.problems(), Map.of()));
        }
        FeedbackSubmission submission = new FeedbackSubmission(null, Channel.WEB, f.invitation().touchpoint(),
                f.survey().id(), Customer.ANONYMOUS, result.answers(), null);
        queue.enqueue(FeedbackEvent.answering(f.invitation().id(), submission, clock.instant()));
        return Pages.html(200, SurveyPage.thanks(f.survey(), f.language(), SurveyPage.Mode.INVITATION, "/s/" + token,
                UiText.of("changeUntil", f.language()).replace("{until}", UiText.date(f.invitation().expiresAt(), f.language()))));
    }

    /**
     * Opts the invited address out of email; the same every time. Its person may have been erased since:
     * the opt-out then goes to the kept consent, under the keyed hashes the invitation kept of its address.
     */
    private void unsubscribe(Invitation invitation) {
        boolean profileLives = !invitation.isErased() && profiles.load(invitation.profileId()).isPresent();
        if (profileLives) {
            profiles.optOut(invitation.profileId(), "email", clock.instant());
        } else {
            invitations.recipientKeys(invitation.id()).forEach(key -> suppressions.keep(key, Set.of("email"), clock.instant()));
        }
    }

    private Optional<Found> find(HttpRequest request, String token) {
        return tokens.verify(token, clock.instant())
                .flatMap(invitations::load)
                .flatMap(invitation -> surveys.byId(invitation.surveyId()).map(survey -> {
                    Optional<ProfileRecord> invited = invitation.isErased() ? Optional.empty() : profiles.load(invitation.profileId());
                    // The lang link a page offers wins; then the language the customer was invited in; then the browser's.
                    Optional<String> asked = Optional.ofNullable(request.query().get("lang"))
                            .flatMap(lang -> CustomerLanguage.fromLocale(lang, survey.languages()));
                    String language = asked
                            .or(() -> invited.flatMap(profile -> CustomerLanguage.known(profile, survey.offeredLanguages())))
                            .orElseGet(() -> survey.languageFor(request.header("accept-language").orElse(null)));
                    return new Found(token, invitation, survey, language);
                }));
    }

    private static APIGatewayV2HTTPResponse invalidLink(HttpRequest request) {
        String language = request.header("accept-language").filter(l -> l.toLowerCase(Locale.ROOT).startsWith("tr"))
                .map(l -> "tr").orElse("en");
        return Pages.html(404, SurveyPage.message("Touchpoint", UiText.of("invalidLink", language), language));
    }
}
