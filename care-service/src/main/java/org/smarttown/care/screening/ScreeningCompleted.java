package org.smarttown.care.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Published on care.events when a screening is recorded: the instrument, band and flags only, never
 * the answers or the total (contract: src/test/resources/contracts/ScreeningCompleted.json). An
 * INCOMPLETE form has no band but may carry a flag (a critical item).
 */
public record ScreeningCompleted(UUID screeningId, UUID residentId, String instrument, int instrumentVersion,
        Screening.Status status, String band, boolean followUp, List<String> flags, OffsetDateTime completedAt) {

    public static final String TYPE = "ScreeningCompleted";
}
