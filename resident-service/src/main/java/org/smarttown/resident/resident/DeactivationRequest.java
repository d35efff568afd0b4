package org.smarttown.resident.resident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Ends a resident's care: {@code MOVED_OUT} or {@code DECEASED}, and why. */
public record DeactivationRequest(@NotNull Resident.Status status, @NotBlank @Size(max = 500) String reason) {
}
