package org.smarttown.coworking.member;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A space manager's rejection, always with the reason the founder will read. */
public record Rejection(@NotBlank @Size(max = 500) String reason) {
}
