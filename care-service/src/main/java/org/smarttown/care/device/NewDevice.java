package org.smarttown.care.device;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A device taken into stock; it is assigned to a resident when installed. */
public record NewDevice(
        @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{2,39}", message = "must be 3 to 40 capital letters, digits or dashes") String serial,
        @NotNull DeviceType type,
        @Size(max = 40) String firmware,
        @NotNull @Min(value = 30, message = "must be at least 30") @Max(value = 86400, message = "must be at most 86400") Integer heartbeatIntervalSeconds) {
}
