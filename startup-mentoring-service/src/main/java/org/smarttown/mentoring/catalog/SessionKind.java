package org.smarttown.mentoring.catalog;

/** What a session type offers; only a tech exchange is a group event with several seats. */
public enum SessionKind {
    MENTORING, CONSULTING_LEGAL, CONSULTING_TAX, CONSULTING_IP, TECH_EXCHANGE
}
