package org.smarttown.care.screening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smarttown.commons.problem.Invalid;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** Scoring from the shipped instrument files: every band boundary, reverse scoring, missing items, critical items. */
class ScoringTest {

    static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
    static final Instrument PHQ9 = load("PHQ-9.v1.json");
    static final Instrument GDS15 = load("GDS-15.v1.json");
    static final Instrument COGNITIVE = load("COGNITIVE.v1.json");

    static Instrument load(String file) {
        try (InputStream in = ScoringTest.class.getClassLoader().getResourceAsStream("instruments/" + file)) {
            Instrument instrument = MAPPER.readValue(in, Instrument.class);
            InstrumentCheck.check(instrument, file);
            return instrument;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PHQ-9 answers adding up to {@code total}, filling items 1-8 before item 9. */
    static List<JsonNode> phq9(int total) {
        List<JsonNode> answers = new ArrayList<>();
        int left = total;
        for (int item = 1; item <= 9; item++) {
            int value = Math.min(3, item < 9 ? left : left);
            answers.add(IntNode.valueOf(value));
            left -= value;
        }
        return answers;
    }

    static List<JsonNode> numbers(Integer... values) {
        return Arrays.stream(values).map(v -> v == null ? (JsonNode) NullNode.getInstance() : IntNode.valueOf(v)).toList();
    }

    static Scoring.Result score(Instrument instrument, List<JsonNode> answers) {
        return Scoring.score(instrument, new Scoring.Form(answers, null, null, null));
    }

    @ParameterizedTest(name = "PHQ-9 total {0} is {1}")
    @CsvSource({ "0,MINIMAL,false", "4,MINIMAL,false", "5,MILD,false", "9,MILD,false", "10,MODERATE,true",
            "14,MODERATE,true", "15,MODERATELY_SEVERE,true", "19,MODERATELY_SEVERE,true", "20,SEVERE,true",
            "24,SEVERE,true" })
    void phq9BandsChangeExactlyAtTheirBoundaries(int total, String band, boolean followUp) {
        Scoring.Result result = score(PHQ9, phq9(total));
        assertEquals(Screening.Status.SCORED, result.status());
        assertEquals(total, result.total());
        assertEquals(band, result.band());
        assertEquals(followUp, result.followUp());
        assertTrue(result.flags().isEmpty(), "item 9 is 0 up to a total of 24");
    }

    @Test
    void phq9TopScoreIsSevereAndFlagsItemNine() {
        Scoring.Result result = score(PHQ9, phq9(27));
        assertEquals(27, result.total());
        assertEquals("SEVERE", result.band());
        assertEquals(List.of("SELF_HARM_RISK"), result.flags());
    }

    @ParameterizedTest(name = "item 9 answered {0}")
    @CsvSource({ "1", "2", "3" })
    void anyAnswerAboveZeroOnItemNineIsCriticalWhateverTheTotal(int item9) {
        Scoring.Result result = score(PHQ9, numbers(0, 0, 0, 0, 0, 0, 0, 0, item9));
        assertEquals(item9, result.total());
        assertEquals("MINIMAL", result.band());
        assertTrue(result.followUp(), "a critical item asks for follow-up even in the minimal band");
        assertEquals(List.of("SELF_HARM_RISK"), result.flags());
        assertEquals(9, result.criticalItems().get(0).item());
    }

    @Test
    void itemNineAtZeroIsNotCritical() {
        Scoring.Result result = score(PHQ9, numbers(3, 3, 3, 0, 0, 0, 0, 0, 0));
        assertTrue(result.criticalItems().isEmpty());
        assertFalse(result.followUp());
    }

    @ParameterizedTest(name = "{0} → total {1}")
    @CsvSource(delimiter = ';', value = {
            // two missing: each counts as the mean of the seven answered (10 × 9 / 7 = 12.86 → 13)
            "2,2,2,1,1,1,1,,;13;MODERATE",
            // one missing: 8 × 9 / 8 = 9
            "1,1,1,1,1,1,1,1,;9;MILD",
            // rounding half up: 4 × 9 / 8 = 4.5 → 5, which moves the band
            "1,1,1,1,0,0,0,,0;5;MILD",
            "3,3,3,3,3,3,3,,;27;SEVERE" })
    void upToTwoMissingPhq9ItemsAreProratedByTheMeanOfTheAnsweredOnes(String answers, int total, String band) {
        Scoring.Result result = score(PHQ9, parse(answers, 9));
        assertEquals(Screening.Status.SCORED, result.status());
        assertEquals(total, result.total());
        assertEquals(band, result.band());
        assertTrue(result.flags().contains(Scoring.PRORATED));
    }

    @Test
    void threeMissingPhq9ItemsLeaveTheFormIncompleteAndUnscored() {
        Scoring.Result result = score(PHQ9, numbers(3, 3, 3, 3, 3, 3, null, null, null));
        assertEquals(Screening.Status.INCOMPLETE, result.status());
        assertNull(result.total());
        assertNull(result.band());
        assertEquals(6, result.answered());
        assertFalse(result.followUp());
    }

    @Test
    void anIncompleteFormStillRaisesTheItemNineFlag() {
        Scoring.Result result = score(PHQ9, numbers(null, null, null, 0, 0, 0, 0, 0, 2));
        assertEquals(Screening.Status.INCOMPLETE, result.status());
        assertEquals(List.of("SELF_HARM_RISK"), result.flags());
        assertTrue(result.followUp());
    }

    @Test
    void phq9RefusesAnswersOutsideZeroToThreeAndTheWrongNumberOfThem() {
        Invalid four = assertThrows(Invalid.class, () -> score(PHQ9, numbers(0, 0, 4, 0, 0, 0, 0, 0, 0)));
        assertEquals("answers[2]", four.toProblem().errors().get(0).field());
        assertThrows(Invalid.class, () -> score(PHQ9, numbers(0, 0, -1, 0, 0, 0, 0, 0, 0)));
        Invalid eight = assertThrows(Invalid.class, () -> score(PHQ9, numbers(0, 0, 0, 0, 0, 0, 0, 0)));
        assertEquals("answers", eight.toProblem().errors().get(0).field());
        assertThrows(Invalid.class, () -> score(PHQ9, numbers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        List<JsonNode> withBoolean = new ArrayList<>(numbers(0, 0, 0, 0, 0, 0, 0, 0, 0));
        withBoolean.set(0, BooleanNode.TRUE);
        assertThrows(Invalid.class, () -> score(PHQ9, withBoolean));
        assertThrows(Invalid.class, () -> Scoring.score(PHQ9, new Scoring.Form(null, null, null, null)));
    }

    /** GDS-15 answers whose first {@code points} items take the depressive answer ("no" on reversed items). */
    static List<JsonNode> gds(int points) {
        List<JsonNode> answers = new ArrayList<>();
        for (int item = 1; item <= 15; item++) {
            boolean depressive = item <= points;
            boolean reversed = List.of(1, 5, 7, 11, 13).contains(item);
            answers.add(BooleanNode.valueOf(reversed ? !depressive : depressive));
        }
        return answers;
    }

    @ParameterizedTest(name = "GDS-15 total {0} is {1}")
    @CsvSource({ "0,NORMAL,false", "4,NORMAL,false", "5,MILD,true", "8,MILD,true", "9,MODERATE,true",
            "11,MODERATE,true", "12,SEVERE,true", "15,SEVERE,true" })
    void gds15BandsChangeExactlyAtTheirBoundariesAndFiveAsksForFollowUp(int total, String band, boolean followUp) {
        Scoring.Result result = score(GDS15, gds(total));
        assertEquals(total, result.total());
        assertEquals(band, result.band());
        assertEquals(followUp, result.followUp());
    }

    @Test
    void gds15ReverseScoresItemsOneFiveSevenElevenAndThirteen() {
        List<JsonNode> allYes = new ArrayList<>();
        List<JsonNode> allNo = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            allYes.add(BooleanNode.TRUE);
            allNo.add(BooleanNode.FALSE);
        }
        // "Yes" scores on the ten plain items; "no" scores on the five reversed ones.
        assertEquals(10, score(GDS15, allYes).total());
        assertEquals(5, score(GDS15, allNo).total());
        List<JsonNode> onlyItemOneNo = new ArrayList<>(gds(0));
        onlyItemOneNo.set(0, BooleanNode.FALSE);
        assertEquals(1, score(GDS15, onlyItemOneNo).total());
    }

    @Test
    void gds15ProratesUpToThreeMissingItemsAndLeavesFourIncomplete() {
        List<JsonNode> threeMissing = new ArrayList<>(gds(6));
        threeMissing.set(12, NullNode.getInstance());
        threeMissing.set(13, NullNode.getInstance());
        threeMissing.set(14, NullNode.getInstance());
        // 6 points over 12 answered items, × 15 = 7.5 → 8
        Scoring.Result prorated = score(GDS15, threeMissing);
        assertEquals(8, prorated.total());
        assertEquals("MILD", prorated.band());
        List<JsonNode> fourMissing = new ArrayList<>(threeMissing);
        fourMissing.set(11, NullNode.getInstance());
        assertEquals(Screening.Status.INCOMPLETE, score(GDS15, fourMissing).status());
    }

    @Test
    void gds15RefusesNumbersForYesNoItems() {
        List<JsonNode> answers = new ArrayList<>(gds(0));
        answers.set(3, IntNode.valueOf(1));
        Invalid invalid = assertThrows(Invalid.class, () -> score(GDS15, answers));
        assertEquals("answers[3]", invalid.toProblem().errors().get(0).field());
    }

    /**
     * Every cell of the v1 cutoff table, at both of its corners (youngest and least educated,
     * oldest and most educated), so each age and education step is crossed: one point under the
     * cutoff is impaired, the cutoff itself is normal.
     */
    @ParameterizedTest(name = "age {0} with {1} years of education: impaired under {2}")
    @CsvSource({
            "0,0,21", "69,3,21", "0,4,24", "69,6,24", "0,7,26", "69,12,26", "0,13,27", "69,40,27",
            "70,0,19", "79,3,19", "70,4,22", "79,6,22", "70,7,25", "79,12,25", "70,13,26", "79,40,26",
            "80,0,17", "130,3,17", "80,4,20", "130,6,20", "80,7,23", "130,12,23", "80,13,25", "130,40,25" })
    void cognitiveImpairmentIsATotalUnderTheCutoffForAgeAndEducation(int age, int education, int cutoff) {
        Scoring.Result under = Scoring.score(COGNITIVE, new Scoring.Form(null, cutoff - 1, age, education));
        assertEquals("IMPAIRED", under.band());
        assertEquals(cutoff, under.cutoff());
        assertTrue(under.followUp());
        Scoring.Result at = Scoring.score(COGNITIVE, new Scoring.Form(null, cutoff, age, education));
        assertEquals("NORMAL", at.band());
        assertEquals(cutoff, at.cutoff());
        assertFalse(at.followUp());
    }

    @ParameterizedTest(name = "total {0} at age 90 without schooling is {1}")
    @CsvSource({ "0,IMPAIRED", "30,NORMAL" })
    void theEndsOfTheCognitiveTotalAreScoredToo(int total, String band) {
        assertEquals(band, Scoring.score(COGNITIVE, new Scoring.Form(null, total, 90, 0)).band());
    }

    @Test
    void cognitiveNeedsATotalFromZeroToThirtyWithAgeAndEducation() {
        assertThrows(Invalid.class, () -> Scoring.score(COGNITIVE, new Scoring.Form(null, 31, 70, 6)));
        assertThrows(Invalid.class, () -> Scoring.score(COGNITIVE, new Scoring.Form(null, -1, 70, 6)));
        assertThrows(Invalid.class, () -> Scoring.score(COGNITIVE, new Scoring.Form(null, 20, null, 6)));
        assertThrows(Invalid.class, () -> Scoring.score(COGNITIVE, new Scoring.Form(null, 20, 70, null)));
        assertThrows(Invalid.class, () -> Scoring.score(COGNITIVE, new Scoring.Form(numbers(1), 20, 70, 6)));
    }

    @Test
    void anInstrumentFileWithAGapBetweenBandsIsRefused() {
        Instrument broken = new Instrument("X", 1, "x", Instrument.AnswerType.SCALE, 2, 0, 3, List.of(), 0, null, null,
                List.of(new Instrument.Band("LOW", 0, 2, false, false), new Instrument.Band("HIGH", 4, 6, true, false)),
                List.of(), null, java.time.Period.ofMonths(6), java.time.Period.ofMonths(1),
                new Instrument.Fhir("q", "s", "c", "d"));
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> InstrumentCheck.check(broken, "x"));
        assertTrue(refused.getMessage().contains("total 3 is in 0 bands"), refused.getMessage());
    }

    private static List<JsonNode> parse(String csv, int items) {
        String[] parts = csv.split(",", -1);
        List<JsonNode> answers = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            answers.add(i >= parts.length || parts[i].isBlank() ? NullNode.getInstance()
                    : IntNode.valueOf(Integer.parseInt(parts[i].trim())));
        }
        return answers;
    }
}
