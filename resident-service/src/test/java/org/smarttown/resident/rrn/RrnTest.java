package org.smarttown.resident.rrn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.resident.resident.Resident.Sex;

/** The rules of a registration number, without the service around them. */
class RrnTest {

    private static final LocalDate BORN = LocalDate.of(1945, 3, 2);

    @Test
    void aNumberThatFitsTheBirthDateAndSexIsAccepted() {
        assertEquals("450302-2******", Rrn.parse("450302-2345678", BORN, Sex.F).masked());
        assertEquals("450302-1******", Rrn.parse("450302-1345678", BORN, Sex.M).masked());
        Rrn.parse("050302-4345678", LocalDate.of(2005, 3, 2), Sex.F);
        Rrn.parse("950302-0345678", LocalDate.of(1895, 3, 2), Sex.F);
        Rrn.parse("450302-6345678", BORN, Sex.F); // a foreign resident born in the 1900s
    }

    @Test
    void eachBrokenRuleIsNamedWithoutRepeatingTheNumber() {
        assertRefused("451302-2345678", BORN, Sex.F, "month");
        assertRefused("450230-2345678", LocalDate.of(1945, 2, 28), Sex.F, "day");
        assertRefused("450302-4345678", BORN, Sex.F, "century");
        assertRefused("450302-1345678", BORN, Sex.F, "sex");
        assertRefused("45O302-2345678", BORN, Sex.F, "digits");
        assertRefused("4503022345678", BORN, Sex.F, "hyphen");
        assertRefused("450302-234567", BORN, Sex.F, "YYMMDD-GNNNNNN");
        assertRefused("450303-2345678", BORN, Sex.F, "birthDate");
    }

    @Test
    void itsTextNeverShowsTheNumber() {
        Rrn rrn = Rrn.parse("450302-2345678", BORN, Sex.F);
        assertFalse(rrn.toString().contains("345678"));
    }

    private static void assertRefused(String rrn, LocalDate born, Sex sex, String expected) {
        Invalid e = assertThrows(Invalid.class, () -> Rrn.parse(rrn, born, sex));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains(rrn.substring(7)), "the message repeats the number");
        assertEquals("rrn", e.toProblem().errors().get(0).field());
    }
}
