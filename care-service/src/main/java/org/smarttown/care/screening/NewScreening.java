package org.smarttown.care.screening;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A screening as staff enter it. Item instruments take {@code answers} (one per item, null when
 * unanswered: numbers for PHQ-9, true/false for GDS-15); COGNITIVE takes {@code total}, {@code age}
 * and {@code educationYears}. The instrument's data decides what is valid.
 */
public record NewScreening(
        @NotNull UUID residentId,
        @NotBlank String instrument,
        @Size(max = 100) List<JsonNode> answers,
        Integer total,
        Integer age,
        Integer educationYears,
        @Size(max = 1000) String note) {
}
