package org.smarttown.coworking.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** A booking request: one space from start to end (ISO-8601 with offset). */
public record BookingRequest(@NotNull UUID spaceId, @NotNull OffsetDateTime start, @NotNull OffsetDateTime end) {
}
