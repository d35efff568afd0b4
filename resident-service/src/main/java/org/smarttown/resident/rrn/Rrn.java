package org.smarttown.resident.rrn;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.smarttown.commons.problem.Invalid;
import org.smarttown.resident.resident.Resident;

/**
 * A validated resident registration number (주민등록번호), {@code YYMMDD-GNNNNNN}. The digit G
 * gives the century and sex (1/2: 1900s, 3/4: 2000s, 5/6 and 7/8 the same for foreign residents,
 * 9/0: 1800s; odd for men). The old check digit is not enforced: numbers issued since October 2020
 * no longer follow it. Error messages never repeat the number.
 */
public final class Rrn {

    private final String value;

    private Rrn(String value) {
        this.value = value;
    }

    /** Checks the format, the date, and that century and sex agree with what was given; 400 otherwise. */
    public static Rrn parse(String text, LocalDate birthDate, Resident.Sex sex) {
        String rrn = text.strip();
        if (!rrn.matches("[0-9-]*")) {
            throw invalid("must contain only digits and one hyphen: YYMMDD-GNNNNNN");
        }
        if (rrn.matches("\\d{13}")) {
            throw invalid("must have a hyphen after the birth date: YYMMDD-GNNNNNN");
        }
        if (!rrn.matches("\\d{6}-\\d{7}")) {
            throw invalid("must look like YYMMDD-GNNNNNN");
        }
        int yy = Integer.parseInt(rrn.substring(0, 2));
        int month = Integer.parseInt(rrn.substring(2, 4));
        int day = Integer.parseInt(rrn.substring(4, 6));
        int g = rrn.charAt(7) - '0';
        if (month < 1 || month > 12) {
            throw invalid("has a month that does not exist");
        }
        int century = switch (g) {
            case 1, 2, 5, 6 -> 1900;
            case 3, 4, 7, 8 -> 2000;
            default -> 1800;
        };
        LocalDate date;
        try {
            date = LocalDate.of(century + yy, month, day);
        } catch (DateTimeException e) {
            throw invalid("has a day that does not exist");
        }
        if (birthDate != null) {
            if (date.getYear() % 100 == birthDate.getYear() % 100 && date.getMonthValue() == birthDate.getMonthValue()
                    && date.getDayOfMonth() == birthDate.getDayOfMonth() && date.getYear() != birthDate.getYear()) {
                throw invalid("has a century digit that contradicts birthDate");
            }
            if (!date.equals(birthDate)) {
                throw invalid("does not match birthDate");
            }
        }
        Resident.Sex fromDigit = g % 2 == 1 ? Resident.Sex.M : Resident.Sex.F;
        if (sex != null && sex != fromDigit) {
            throw invalid("has a sex digit that contradicts sex");
        }
        return new Rrn(rrn);
    }

    /** The number as stored and revealed. */
    public String value() {
        return value;
    }

    /** What every response shows: the birth date and the century/sex digit, nothing more. */
    public String masked() {
        return value.substring(0, 8) + "******";
    }

    /** Never the number itself, so that a stray log line cannot leak it. */
    @Override
    public String toString() {
        return masked();
    }

    private static Invalid invalid(String message) {
        return new Invalid("rrn", message);
    }
}
