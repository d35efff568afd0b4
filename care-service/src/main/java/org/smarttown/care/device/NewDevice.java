package org.smarttown.care.device;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A device taken into stock; it is assigned to a resident when installed. */
public record NewDevice(
        @NotNull @Pattern(regexp = SERIAL, message = SERIAL_RULE) String serial,
        @NotNull DeviceType type,
        @Size(max = 40) String firmware,
        @NotNull @Min(value = 30, message = "must be at least 30") @Max(value = 86400, message = "must be at most 86400") Integer heartbeatIntervalSeconds) {

    /** What a serial looks like; the device paths check it too, so no other text reaches the database. */
    public static final String SERIAL = "[A-Z0-9][A-Z0-9-]{2,39}";
    public static final String SERIAL_RULE = "must be 3 to 40 capital letters, digits or dashes";
}
