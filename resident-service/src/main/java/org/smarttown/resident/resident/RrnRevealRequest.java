package org.smarttown.resident.resident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff need to see a registration number; written to the access log. */
public record RrnRevealRequest(@NotBlank @Size(max = 500) String reason) {
}
