package org.smarttown.coworking.member;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A space manager's approval: the cohort, and the validity (from today and for a year by default). */
public record Approval(@NotBlank @Size(max = 50) String cohort, LocalDate validFrom, LocalDate validUntil) {
}
