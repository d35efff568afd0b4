package org.smarttown.care.profile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * A supervisor's change to a resident's rhythm; absent fields stay as they are. Times are HH:mm
 * in Asia/Seoul; equal start and end mean active all day.
 */
public record RhythmChange(
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String activeFrom,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String activeTo,
        @Min(value = 15, message = "must be at least 15") @Max(value = 1440, message = "must be at most 1440") Integer quietPeriodMinutes) {
}
