package org.smarttown.resident.resident;

/** The kinds of basic-livelihood benefit (생계, 의료, 주거, 교육 급여). */
public enum BenefitType {
    LIVELIHOOD, MEDICAL, HOUSING, EDUCATION
}
