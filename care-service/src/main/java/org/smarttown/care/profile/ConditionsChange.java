package org.smarttown.care.profile;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The resident's whole list of care-relevant conditions (an empty list clears it). */
public record ConditionsChange(@NotNull @Size(max = 20) List<@NotNull Condition> conditions) {
}
