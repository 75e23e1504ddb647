package dev.touchpoint.domain.survey;

import dev.touchpoint.domain.feedback.Answer;
import dev.touchpoint.domain.feedback.AnswerType;
import dev.touchpoint.domain.text.StorableText;
import dev.touchpoint.domain.validation.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks raw answers (as a form or a message gives them: question id → text) against a survey
 * definition: scores in range, choices among the options, required questions answered. The problems
 * are codes a page can word in the customer's language.
 */
public final class SurveyAnswers {

    /** Why an answer was refused. */
    public enum Problem { REQUIRED, OUT_OF_RANGE, UNKNOWN_OPTION, TOO_LONG, UNSTORABLE_TEXT, UNKNOWN_QUESTION, NOTHING_ANSWERED }

    /** The valid answers, and a problem per question id ("" for the survey as a whole). */
    public record Result(List<Answer> answers, Map<String, Problem> problems) {

        public boolean isValid() {
            return problems.isEmpty();
        }
    }

    private SurveyAnswers() {
    }

    /** The start of the detail of a required question left unanswered (an import names the row's column from it). */
    public static final String MISSING = "Missing the answer to required question ";

    /**
     * Checks typed answers (an API submission's, an import row's) against their survey: every question
     * id must be one of the survey's, of the survey's type for it, a choice one of its options; every
     * required question answered. Pointers are the submission's ({@code /answers/1/questionId}).
     */
    public static List<FieldError> checkSubmitted(SurveyDefinition survey, List<Answer> answers) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            String at = "/answers/" + i;
            Optional<SurveyQuestion> question = survey.question(answer.questionId());
            answered.add(answer.questionId());
            if (question.isEmpty()) {
                errors.add(new FieldError(at + "/questionId", "Survey " + survey.id() + " has no question '" + answer.questionId()
                        + "'; its questions: " + String.join(", ", survey.questions().stream().map(SurveyQuestion::id).toList()) + "."));
            } else if (question.get().type() != answer.type()) {
                errors.add(new FieldError(at + "/type", "Question " + answer.questionId() + " of survey " + survey.id()
                        + " is of type " + question.get().type().wireName() + "."));
            } else if (answer.type() == AnswerType.CHOICE && question.get().options().stream().noneMatch(o -> o.id().equals(answer.text()))) {
                errors.add(new FieldError(at + "/value", "One of the options of question " + answer.questionId() + ": "
                        + String.join(", ", question.get().options().stream().map(o -> o.id()).toList()) + "."));
            }
        }
        survey.questions().stream().filter(q -> q.required() && !answered.contains(q.id()))
                .forEach(q -> errors.add(new FieldError("/answers", MISSING + "'" + q.id() + "' of survey " + survey.id() + ".")));
        return errors;
    }

    public static Result check(SurveyDefinition survey, Map<String, String> raw) {
        List<Answer> answers = new ArrayList<>();
        Map<String, Problem> problems = new LinkedHashMap<>();
        for (SurveyQuestion question : survey.questions()) {
            String value = raw.getOrDefault(question.id(), "").strip();
            if (value.isEmpty()) {
                if (question.required()) {
                    problems.put(question.id(), Problem.REQUIRED);
                }
                continue;
            }
            answer(question, value, answers, problems);
        }
        // An answer to a question the survey does not ask came from no page of ours: refused, not dropped.
        raw.keySet().stream().filter(id -> survey.question(id).isEmpty()).findFirst()
                .ifPresent(unknown -> problems.put("", Problem.UNKNOWN_QUESTION));
        if (answers.isEmpty() && problems.isEmpty()) {
            problems.put("", Problem.NOTHING_ANSWERED);
        }
        return new Result(answers, problems);
    }

    private static void answer(SurveyQuestion question, String value, List<Answer> answers, Map<String, Problem> problems) {
        AnswerType type = question.type();
        if (type.isScored()) {
            try {
                int score = Integer.parseInt(value);
                if (type.accepts(score)) {
                    answers.add(Answer.scored(question.id(), type, score));
                    return;
                }
            } catch (NumberFormatException notANumber) {
                // falls through to the range problem
            }
            problems.put(question.id(), Problem.OUT_OF_RANGE);
        } else if (type == AnswerType.CHOICE) {
            if (question.options().stream().anyMatch(o -> o.id().equals(value))) {
                answers.add(Answer.text(question.id(), type, value));
            } else {
                problems.put(question.id(), Problem.UNKNOWN_OPTION);
            }
        } else if (value.length() > Answer.MAX_TEXT_LENGTH || value.indexOf('\u0000') >= 0) {
            problems.put(question.id(), Problem.TOO_LONG);
        } else if (!StorableText.isAcceptable(value)) {
            problems.put(question.id(), Problem.UNSTORABLE_TEXT);
        } else {
            answers.add(Answer.text(question.id(), type, value));
        }
    }
}
