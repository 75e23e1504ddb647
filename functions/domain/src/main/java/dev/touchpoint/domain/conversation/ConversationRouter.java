package dev.touchpoint.domain.conversation;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.feedback.FeedbackEvent;
import dev.touchpoint.domain.identity.Identity;
import dev.touchpoint.domain.invitation.Invitation;
import dev.touchpoint.domain.invitation.InvitationRepository;
import dev.touchpoint.domain.invitation.SurveyTokens;
import dev.touchpoint.domain.privacy.KeptConsent;
import dev.touchpoint.domain.privacy.KeyedHashes;
import dev.touchpoint.domain.privacy.SuppressionList;
import dev.touchpoint.domain.profile.CustomerLanguage;
import dev.touchpoint.domain.profile.IdentityResolver;
import dev.touchpoint.domain.profile.LanguageGuesser;
import dev.touchpoint.domain.profile.ProfileRecord;
import dev.touchpoint.domain.profile.ProfileRepository;
import dev.touchpoint.domain.response.ClosedLoop;
import dev.touchpoint.domain.response.ResponseRecord;
import dev.touchpoint.domain.response.ResponseRepository;
import dev.touchpoint.domain.survey.SurveyCatalog;
import dev.touchpoint.domain.survey.SurveyDefinition;
import dev.touchpoint.domain.survey.SurveyQuestion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Use case run by the processor for every inbound message: the customer is resolved to one profile,
 * the message joins their thread, a keyword changes their consent, and anything else answers their
 * open invitation — whatever channel it went out on — or becomes unsolicited feedback. The reply goes
 * back on the channel the customer wrote on, in their language.
 */
public final class ConversationRouter {

    /** What became of one message. */
    public enum Outcome {
        ANSWERED, UNSOLICITED, OPTED_OUT, OPTED_IN, HELPED, REPEATED,
        /** The message's score was not on the scale, or could be read two ways: the question is asked again, nothing recorded. */
        ASKED_AGAIN,
        /** Media without text (a voice note, a sticker…): the customer is asked to write, nothing recorded. */
        ASKED_FOR_TEXT,
        /** On the thread only: an auto-reply, a reaction, a button that answers nothing. Never read, never answered. */
        KEPT
    }

    /** The languages our own replies (opt-out confirmations, "please write it") are written in. */
    public static final List<String> TEXT_LANGUAGES = ConversationTexts.LANGUAGES;

    private final IdentityResolver identities;
    private final ProfileRepository profiles;
    private final InvitationRepository invitations;
    private final ResponseRepository responses;
    private final ThreadRepository threads;
    private final SurveyCatalog surveys;
    private final SurveyTokens tokens;
    private final ReplySender replies;
    private final ClosedLoop closedLoop;
    private final SuppressionList suppressions;
    private final KeyedHashes hashes;
    private final LanguageGuesser languages;

    public ConversationRouter(IdentityResolver identities, ProfileRepository profiles, InvitationRepository invitations,
                              ResponseRepository responses, ThreadRepository threads, SurveyCatalog surveys,
                              SurveyTokens tokens, ReplySender replies, ClosedLoop closedLoop, SuppressionList suppressions,
                              KeyedHashes hashes, LanguageGuesser languages) {
        this.languages = languages;
        this.suppressions = suppressions;
        this.hashes = hashes;
        this.closedLoop = closedLoop;
        this.identities = identities;
        this.profiles = profiles;
        this.invitations = invitations;
        this.responses = responses;
        this.threads = threads;
        this.surveys = surveys;
        this.tokens = tokens;
        this.replies = replies;
    }

    /**
     * @param redelivered the queue delivers this message again (an earlier attempt failed): its thread
     *                    entry may be stored already, and then its work is finished rather than skipped
     */
    public Outcome handle(InboundMessage message, boolean redelivered) {
        tokenInvitation(message).ifPresent(invited -> joinInvitedProfile(message, invited));
        String profileId = identities.resolve(message.sender(), message.receivedAt(), message.idempotencyKey())
                .orElseThrow(() -> new IllegalStateException("an inbound message always names its sender"));
        ProfileRecord profile = profiles.load(profileId).orElseThrow();
        Optional<Invitation> invitation = invitationFor(message, profile);
        boolean first = threads.append(ThreadEntry.received(message, profileId, invitation.map(Invitation::id).orElse(null)));
        if (!first && !redelivered) {
            return Outcome.REPEATED;
        }
        if (!first) {
            // An earlier attempt stored the message and failed after: finish its work, for the invitation it
            // answered then (a later invitation may be open by now). Every step below is idempotent by the key.
            invitation = threads.find(message.idempotencyKey()).map(ThreadEntry::invitationId).flatMap(invitations::load);
        }
        switch (message.kind()) {
            case AUTOMATIC, REACTION -> {
                return Outcome.KEPT; // an auto-reply answered would be a mail loop; a reaction answers nothing
            }
            case UNSUBSCRIBE -> {
                // The customer wrote to the List-Unsubscribe address: out of this channel, and no mail back. The
                // address carries the invitation's token, which proves the invitation was read, as its one-click link does.
                profiles.optOut(profile.id(), message.channel(), message.receivedAt());
                invitation.filter(open -> message.invitationToken() != null && !open.profileId().equals(profile.id()))
                        .ifPresent(open -> profiles.optOut(open.profileId(), message.channel(), message.receivedAt()));
                return Outcome.OPTED_OUT;
            }
            case POSTBACK -> {
                // A button such as "Get Started" answers nothing; one whose id carries a score answers the invitation.
                return invitation.filter(open -> message.payload() != null && message.payload().matches(".*\\d.*"))
                        .map(open -> answer(message, profile, open, redelivered)).orElse(Outcome.KEPT);
            }
            default -> {
                // a message a person wrote: read below
            }
        }
        Optional<Keyword> keyword = Keyword.of(message.text());
        if (keyword.isPresent()) {
            return consent(keyword.get(), message, profile, redelivered);
        }
        ProfileRecord writer = noteWrittenLanguage(message, profile);
        if (message.text().isBlank() && message.payload() == null && !message.media().isEmpty()) {
            reply(message, profileId, ConversationTexts.of("textPlease", language(writer, null)),
                    invitation.map(Invitation::id).orElse(null), redelivered);
            return Outcome.ASKED_FOR_TEXT;
        }
        return invitation.map(open -> answer(message, writer, open, redelivered)).orElseGet(() -> unsolicited(message, profileId));
    }

    private Optional<Invitation> tokenInvitation(InboundMessage message) {
        return Optional.ofNullable(message.invitationToken())
                .flatMap(token -> tokens.verify(token, message.receivedAt())).flatMap(invitations::load);
    }

    /**
     * A reply that carries the invitation's token from an address the invited profile does not hold yet
     * (the customer's other mailbox): the token proves the invitation was read, the verified sender that
     * the address is theirs, so the address joins the invited profile and the conversation stays on one
     * timeline. An address some other profile holds stays that profile's: a token never fuses two known
     * people (a forwarded invitation answered by a colleague), and an unverified sender stays a claim.
     */
    private void joinInvitedProfile(InboundMessage message, Invitation invited) {
        if (message.sender().provenance().isClaimed() || invited.profileId() == null) {
            return;
        }
        Set<Identity> unknown = new LinkedHashSet<>();
        for (Identity identity : message.sender().identities()) {
            if (profiles.entryOf(identity).owner().isPresent()) {
                return;
            }
            unknown.add(identity);
        }
        profiles.surviving(invited.profileId())
                .ifPresent(profile -> profiles.attach(profile, unknown, message.sender().provenance().source() + "+token"));
    }

    private Optional<Invitation> invitationFor(InboundMessage message, ProfileRecord profile) {
        if (message.invitationToken() != null) {
            Optional<Invitation> byToken = tokens.verify(message.invitationToken(), message.receivedAt()).flatMap(invitations::load);
            if (byToken.isPresent()) {
                return byToken;
            }
        }
        List<String> ids = new ArrayList<>(profile.mergedFrom());
        ids.add(0, profile.id());
        return invitations.latestOpen(ids, message.receivedAt());
    }

    private Outcome consent(Keyword keyword, InboundMessage message, ProfileRecord profile, boolean redelivered) {
        String language = language(profile, null);
        switch (keyword) {
            case OPT_OUT -> {
                boolean already = profile.optedOut().contains(message.channel());
                profiles.optOut(profile.id(), message.channel(), message.receivedAt());
                // A redelivery finds the opt-out made by its failed attempt; the confirmation may not have gone.
                if (!already || redelivered) {
                    reply(message, profile.id(), ConversationTexts.of("optedOut", language), null, redelivered);
                }
                return Outcome.OPTED_OUT;
            }
            case OPT_IN -> {
                profiles.optIn(profile.id(), message.channel(), message.receivedAt());
                // START also lifts what an earlier erasure kept of this address's consent on this channel.
                message.sender().identities().stream().filter(i -> KeptConsent.channelsOf(i).contains(message.channel()))
                        .forEach(i -> suppressions.reopen(hashes.suppressionKey(i), message.channel()));
                reply(message, profile.id(), ConversationTexts.of("optedIn", language), null, redelivered);
                return Outcome.OPTED_IN;
            }
            default -> {
                reply(message, profile.id(), ConversationTexts.of("help", language), null, redelivered);
                return Outcome.HELPED;
            }
        }
    }

    /** A number answers the next unanswered score; other text answers the next unanswered text question. */
    private Outcome answer(InboundMessage message, ProfileRecord profile, Invitation invitation, boolean redelivered) {
        SurveyDefinition survey = surveys.byId(invitation.surveyId()).orElseThrow();
        String language = language(profile, survey);
        String responseId = FeedbackEvent.responseIdFor("invitation:" + invitation.id());
        Optional<ResponseRecord> stored = responses.find(responseId);
        Set<String> answered = stored.map(r -> r.answers().stream().map(Answer::questionId)
                .collect(Collectors.toSet())).orElse(Set.of());
        Optional<SurveyQuestion> score = survey.questions().stream()
                .filter(q -> q.type().isScored() && !answered.contains(q.id())).findFirst();
        Optional<SurveyQuestion> text = survey.questions().stream()
                .filter(q -> q.type() == AnswerType.TEXT && !answered.contains(q.id())).findFirst();
        // A button or list id such as "score-9" carries the score as its number.
        String said = message.payload() != null ? message.payload().replaceAll("[^0-9]+", " ").strip() : message.text();
        List<Answer> given = new ArrayList<>();
        String rest = message.text();
        if (score.isPresent()) {
            ScoreReading.Reading reading = ScoreReading.read(said, score.get().type());
            if (reading instanceof ScoreReading.Scored scored) {
                given.add(Answer.scored(score.get().id(), score.get().type(), scored.value()));
                // "9 - quick delivery": what follows a leading score is the comment. A button's text is its
                // title, never a comment; a form's text is its comment field, whole.
                rest = message.kind() == MessageKind.FORM ? message.text() : message.payload() != null ? "" : scored.comment();
            } else if (!(reading instanceof ScoreReading.NoScore)) {
                // "12", "9.5", "8-9": neither a score nor a comment is guessed; the customer is asked again.
                reply(message, profile.id(), ConversationTexts.of("scale", language)
                        .formatted(score.get().type().min(), score.get().type().max()), invitation.id(), redelivered);
                return Outcome.ASKED_AGAIN;
            }
        }
        if (text.isPresent() && !rest.isBlank()) {
            given.add(Answer.text(text.get().id(), AnswerType.TEXT, trimmed(rest)));
        }
        if (given.isEmpty()) {
            return unsolicited(message, profile.id());
        }
        ResponseRecord added = ResponseRecord.replying(responseId, invitation, message.channel(), given, message.receivedAt());
        if (responses.addAnswers(added, message.idempotencyKey())) {
            closedLoop.answersAdded(added, message.idempotencyKey());
        } else if (redelivered && stored.isPresent()) {
            // The failed attempt added these answers, perhaps without raising their alert: the response as
            // stored raises it again (twice if that attempt had, or an earlier message made it a detractor's).
            closedLoop.answersAdded(stored.get(), message.idempotencyKey());
        }
        reply(message, profile.id(), next(survey, language, answered, given), invitation.id(), redelivered);
        return Outcome.ANSWERED;
    }

    /** After a score, the comment question (if any is open); after the last answer, the thank-you. */
    private static String next(SurveyDefinition survey, String language, Set<String> answered, List<Answer> given) {
        Set<String> now = given.stream().map(Answer::questionId).collect(Collectors.toSet());
        return survey.questions().stream()
                .filter(q -> !answered.contains(q.id()) && !now.contains(q.id()))
                .findFirst()
                .map(q -> q.text().in(language, survey.defaultLanguage()))
                .orElse(survey.message("thankYou", language));
    }

    private Outcome unsolicited(InboundMessage message, String profileId) {
        if (message.text().isBlank()) {
            return Outcome.UNSOLICITED;
        }
        ResponseRecord response = new ResponseRecord(FeedbackEvent.responseIdFor(message.idempotencyKey()), profileId, null,
                message.channel(), null, null, List.of(Answer.text("message", AnswerType.TEXT, trimmed(message.text()))),
                message.receivedAt(), message.receivedAt(), null, null);
        if (responses.record(response)) {
            closedLoop.recorded(response);
        } else {
            closedLoop.recordedBefore(response);
        }
        return Outcome.UNSOLICITED;
    }

    /**
     * Sends a reply, then stores it in the thread with what became of it: a reply stored is a reply sent
     * (or refused for good), so a redelivered message sends only what an earlier attempt did not (a stop
     * between the send and the store sends twice). A refusal is kept on the thread, not retried.
     */
    private void reply(InboundMessage message, String profileId, String text, String invitationId, boolean redelivered) {
        if (message.sender().provenance().isClaimed()) {
            return; // an unauthenticated sender may be anyone's address: nothing is written to it
        }
        String recipient = ReplyChannels.recipient(message.sender().identities(), message.channel()).map(i -> i.value()).orElse(null);
        if (recipient == null) {
            return;
        }
        ThreadEntry entry = ThreadEntry.of("reply:" + message.idempotencyKey(), profileId, ThreadEntry.Direction.OUTBOUND,
                message.channel(), message.provider(), text, invitationId, message.receivedAt().plusMillis(1));
        if (redelivered && threads.find(entry.id()).isPresent()) {
            return;
        }
        SendOutcome outcome = replies.reply(message.channel(), message.provider(), recipient, text);
        threads.append(entry.with(Delivery.of(outcome, entry.at())));
        if (outcome instanceof SendOutcome.Refused refused && refused.optedOut()) {
            profiles.optOut(profileId, message.channel(), entry.at()); // they said STOP to the provider itself
        }
    }

    /** The customer's one language ({@link CustomerLanguage}): the survey's when it asks, else our own texts'. */
    private static String language(ProfileRecord profile, SurveyDefinition survey) {
        return survey != null ? survey.customerLanguage(profile)
                : CustomerLanguage.of(profile, ConversationTexts.LANGUAGES, ConversationTexts.LANGUAGES.get(0));
    }

    /**
     * A message a person wrote tells the language they write in now; remembered (one write, only when it
     * changed) so the next invitation, on any channel, is in it too.
     */
    private ProfileRecord noteWrittenLanguage(InboundMessage message, ProfileRecord profile) {
        Optional<String> written = languages.languageOf(message.text());
        if (written.isEmpty() || written.get().equals(profile.writtenLanguage())) {
            return profile;
        }
        profiles.recordWrittenLanguage(profile.id(), written.get());
        return profile.withWrittenLanguage(written.get());
    }

    private static String trimmed(String text) {
        String stripped = text.strip();
        return stripped.length() > 5000 ? stripped.substring(0, 5000) : stripped;
    }
}
