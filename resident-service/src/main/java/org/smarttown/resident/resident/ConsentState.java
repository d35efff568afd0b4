package org.smarttown.resident.resident;

import java.time.OffsetDateTime;

/** The current state of one consent: given or withdrawn, when, by whom, and how many times it changed. */
public record ConsentState(Purpose purpose, boolean given, int version, OffsetDateTime changedAt, String changedBy) {
}
