package org.smarttown.care.screening;

import java.time.Period;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One version of a screening instrument, read from a data file (instruments/*.json): items, answer
 * range, reverse-scored items, how many missing answers are prorated, bands, critical items,
 * re-screen intervals and, for a staff-entered total, the cutoff table. Scoring reads only this.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Instrument(
        String code,
        int version,
        String title,
        AnswerType answerType,
        int items,
        Integer minAnswer,
        Integer maxAnswer,
        List<Integer> reverseItems,
        int maxMissing,
        Integer minTotal,
        Integer maxTotal,
        List<Band> bands,
        List<CriticalItem> criticalItems,
        List<Cutoff> cutoffs,
        Period rescreenAfter,
        Period rescreenAfterFollowUp,
        Fhir fhir) {

    /** SCALE: integers from minAnswer to maxAnswer; YES_NO: true/false; TOTAL: one total entered by staff. */
    public enum AnswerType {
        SCALE, YES_NO, TOTAL
    }

    /** A band of totals (inclusive), or for TOTAL instruments the band below or above the cutoff. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Band(String band, Integer from, Integer to, boolean followUp, boolean belowCutoff) {
    }

    /** An item whose answer above {@code above} raises a CRITICAL alert at once, whatever the total. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CriticalItem(int item, int above, String flag, String summary) {
    }

    /** Ages and years of education (inclusive) for which a total under {@code cutoff} means impairment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Cutoff(int minAge, int maxAge, int minEducation, int maxEducation, int cutoff) {
    }

    /** How a screening of this instrument is coded in FHIR. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Fhir(String questionnaire, String totalSystem, String totalCode, String totalDisplay) {
    }

    public boolean reversed(int item) {
        return reverseItems != null && reverseItems.contains(item);
    }

    public List<CriticalItem> critical() {
        return criticalItems == null ? List.of() : criticalItems;
    }

    public Band band(String name) {
        return bands.stream().filter(b -> b.band().equals(name)).findFirst().orElse(null);
    }
}
