package org.smarttown.resident.duplicate;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** How staff settle a suspicion; {@code keep} (one of the two residents) is needed to MERGE. */
public record ResolutionRequest(@NotNull DuplicateSuspect.Resolution resolution, UUID keep, @Size(max = 500) String note) {
}
