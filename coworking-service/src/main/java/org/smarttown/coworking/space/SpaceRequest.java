package org.smarttown.coworking.space;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new space. Hours default to 08:00-22:00 (office time) and no weekly closed day. */
public record SpaceRequest(
        @NotBlank @Pattern(regexp = "[A-Z]{1,3}-[0-9A-Z-]{1,20}", message = "must look like D-01") String code,
        @NotNull SpaceType type,
        @NotBlank @Size(max = 100) String name,
        @NotNull @Min(1) @Max(100) Integer capacity,
        @Size(max = 20) List<@NotBlank @Size(max = 40) String> equipment,
        @Min(1) @Max(50) Integer floor,
        @NotNull @Min(0) @Max(2000) Integer x,
        @NotNull @Min(0) @Max(2000) Integer y,
        LocalTime opensAt,
        LocalTime closesAt,
        List<@NotNull DayOfWeek> closedWeekdays) {
}
