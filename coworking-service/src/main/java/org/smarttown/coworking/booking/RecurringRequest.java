package org.smarttown.coworking.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A weekly series: the first occurrence (start, end) and an RRULE such as FREQ=WEEKLY;BYDAY=MO,WE;COUNT=6. */
public record RecurringRequest(@NotNull UUID spaceId, @NotNull OffsetDateTime start, @NotNull OffsetDateTime end,
        @NotBlank @Size(max = 200) String rrule) {
}
