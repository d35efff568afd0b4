package org.smarttown.care.screening;

import java.util.ArrayList;
import java.util.List;

/** Refuses, at start, an instrument file that could not score every possible form. */
final class InstrumentCheck {

    private InstrumentCheck() {
    }

    static void check(Instrument i, String source) {
        List<String> problems = new ArrayList<>();
        if (i.code() == null || i.version() < 1 || i.answerType() == null || i.bands() == null || i.bands().isEmpty()
                || i.rescreenAfter() == null || i.rescreenAfterFollowUp() == null || i.fhir() == null) {
            problems.add("code, version ≥ 1, answerType, bands, rescreenAfter, rescreenAfterFollowUp and fhir are required");
        } else if (i.answerType() == Instrument.AnswerType.TOTAL) {
            if (i.minTotal() == null || i.maxTotal() == null || i.cutoffs() == null || i.cutoffs().isEmpty()) {
                problems.add("a TOTAL instrument needs minTotal, maxTotal and cutoffs");
            }
            if (i.bands().stream().filter(Instrument.Band::belowCutoff).count() != 1 || i.bands().size() != 2) {
                problems.add("a TOTAL instrument has two bands, one of them belowCutoff");
            }
        } else {
            int max = i.answerType() == Instrument.AnswerType.YES_NO ? i.items() : i.items() * i.maxAnswer();
            if (i.answerType() == Instrument.AnswerType.SCALE && (i.minAnswer() == null || i.maxAnswer() == null)) {
                problems.add("a SCALE instrument needs minAnswer and maxAnswer");
            }
            int min = i.answerType() == Instrument.AnswerType.SCALE && i.minAnswer() != null ? i.items() * i.minAnswer() : 0;
            // Every total from min to max falls in exactly one band.
            for (int total = min; total <= max; total++) {
                int t = total;
                long bands = i.bands().stream().filter(b -> b.from() != null && b.to() != null && b.from() <= t && t <= b.to())
                        .count();
                if (bands != 1) {
                    problems.add("total " + total + " is in " + bands + " bands");
                }
            }
            if (i.maxMissing() < 0 || i.maxMissing() >= i.items()) {
                problems.add("maxMissing must be from 0 to items - 1");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Instrument " + i.code() + " v" + i.version() + " (" + source + "): "
                    + String.join("; ", problems));
        }
    }
}
