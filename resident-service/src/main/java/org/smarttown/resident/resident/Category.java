package org.smarttown.resident.resident;

/** Welfare categories a resident may belong to (several at once). */
public enum Category {
    /** 기초생활수급: comes with benefit types. */
    BASIC_LIVELIHOOD,
    ELDERLY,
    LIVING_ALONE,
    DISABLED,
    /** Comes with the conditions the resident lives with. */
    CHRONIC_ILLNESS
}
