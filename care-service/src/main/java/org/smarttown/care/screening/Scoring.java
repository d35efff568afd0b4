package org.smarttown.care.screening;

import java.util.ArrayList;
import java.util.List;

import org.smarttown.commons.problem.Invalid;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Scores a form by its instrument's data alone: checks each answer, reverse-scores the items the
 * instrument names, prorates up to {@code maxMissing} unanswered items by the mean of the answered
 * ones (more leave the form INCOMPLETE and unscored), picks the band and raises the flags of
 * critical items whatever the total. Bad input is an {@link Invalid} naming the field.
 */
public final class Scoring {

    public static final String PRORATED = "PRORATED";

    private Scoring() {
    }

    /** What staff entered: item answers (null for an unanswered item), or a total with age and education. */
    public record Form(List<JsonNode> answers, Integer total, Integer age, Integer educationYears) {
    }

    /**
     * The outcome. {@code total} is null when INCOMPLETE; {@code criticalItems} lists the critical
     * items answered above their threshold (their flags are in {@code flags}).
     */
    public record Result(Screening.Status status, int answered, Integer total, String band, boolean followUp,
            List<String> flags, Integer cutoff, List<Instrument.CriticalItem> criticalItems) {
    }

    public static Result score(Instrument instrument, Form form) {
        return instrument.answerType() == Instrument.AnswerType.TOTAL ? total(instrument, form) : items(instrument, form);
    }

    private static Result items(Instrument instrument, Form form) {
        if (form.total() != null || form.age() != null || form.educationYears() != null) {
            throw new Invalid(form.total() != null ? "total" : form.age() != null ? "age" : "educationYears",
                    instrument.code() + " is scored from its answers; send answers only");
        }
        List<JsonNode> answers = form.answers();
        if (answers == null) {
            throw new Invalid("answers", "is required for " + instrument.code());
        }
        if (answers.size() != instrument.items()) {
            throw new Invalid("answers", instrument.code() + " has " + instrument.items() + " items; " + answers.size()
                    + " answers were given (send null for an unanswered item)");
        }
        int sum = 0;
        int answered = 0;
        List<String> flags = new ArrayList<>();
        List<Instrument.CriticalItem> critical = new ArrayList<>();
        for (int index = 0; index < answers.size(); index++) {
            JsonNode answer = answers.get(index);
            int item = index + 1;
            if (answer == null || answer.isNull()) {
                continue;
            }
            int points = points(instrument, item, answer, "answers[" + index + "]");
            for (Instrument.CriticalItem c : instrument.critical()) {
                if (c.item() == item && points > c.above()) {
                    critical.add(c);
                    flags.add(c.flag());
                }
            }
            sum += points;
            answered++;
        }
        int missing = instrument.items() - answered;
        if (missing > instrument.maxMissing()) {
            return new Result(Screening.Status.INCOMPLETE, answered, null, null, !critical.isEmpty(), flags, null,
                    critical);
        }
        int total = sum;
        if (missing > 0) {
            // Each unanswered item counts as the mean of the answered ones, rounded half up at the end.
            total = (int) Math.round((double) sum * instrument.items() / answered);
            flags.add(PRORATED);
        }
        int t = total;
        Instrument.Band band = instrument.bands().stream().filter(b -> b.from() <= t && t <= b.to()).findFirst()
                .orElseThrow();
        return new Result(Screening.Status.SCORED, answered, total, band.band(), band.followUp() || !critical.isEmpty(),
                flags, null, critical);
    }

    private static int points(Instrument instrument, int item, JsonNode answer, String field) {
        if (instrument.answerType() == Instrument.AnswerType.YES_NO) {
            if (!answer.isBoolean()) {
                throw new Invalid(field, "must be true (yes), false (no) or null (unanswered)");
            }
            boolean yes = answer.booleanValue();
            // A reverse-scored item asks about something good: "no" is the answer that counts.
            return (instrument.reversed(item) ? !yes : yes) ? 1 : 0;
        }
        if (!answer.isIntegralNumber() || answer.asLong() < instrument.minAnswer()
                || answer.asLong() > instrument.maxAnswer()) {
            throw new Invalid(field, "must be a whole number from " + instrument.minAnswer() + " to "
                    + instrument.maxAnswer() + ", or null (unanswered)");
        }
        int value = answer.intValue();
        return instrument.reversed(item) ? instrument.maxAnswer() + instrument.minAnswer() - value : value;
    }

    private static Result total(Instrument instrument, Form form) {
        if (form.answers() != null) {
            throw new Invalid("answers", instrument.code() + " takes a total with age and educationYears, not answers");
        }
        if (form.total() == null || form.total() < instrument.minTotal() || form.total() > instrument.maxTotal()) {
            throw new Invalid("total", "must be a whole number from " + instrument.minTotal() + " to "
                    + instrument.maxTotal());
        }
        Instrument.Cutoff cutoff = null;
        if (form.age() == null || form.age() < 0 || form.age() > 130) {
            throw new Invalid("age", "is required: the resident's age in years (0 to 130)");
        }
        if (form.educationYears() == null || form.educationYears() < 0 || form.educationYears() > 40) {
            throw new Invalid("educationYears", "is required: the resident's years of education (0 to 40)");
        }
        for (Instrument.Cutoff c : instrument.cutoffs()) {
            if (c.minAge() <= form.age() && form.age() <= c.maxAge() && c.minEducation() <= form.educationYears()
                    && form.educationYears() <= c.maxEducation()) {
                cutoff = c;
                break;
            }
        }
        if (cutoff == null) {
            throw new Invalid("age", "no cutoff is configured for age " + form.age() + " with "
                    + form.educationYears() + " years of education");
        }
        boolean below = form.total() < cutoff.cutoff();
        Instrument.Band band = instrument.bands().stream().filter(b -> b.belowCutoff() == below).findFirst().orElseThrow();
        return new Result(Screening.Status.SCORED, 1, form.total(), band.band(), band.followUp(), List.of(),
                cutoff.cutoff(), List.of());
    }
}
