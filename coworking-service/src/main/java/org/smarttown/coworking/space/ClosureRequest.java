package org.smarttown.coworking.space;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Closes a space for one day. */
public record ClosureRequest(@NotNull LocalDate day, @NotBlank @Size(max = 200) String reason) {
}
