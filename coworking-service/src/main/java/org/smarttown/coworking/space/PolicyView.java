package org.smarttown.coworking.space;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A space type's booking policy, as read and as written by space managers. */
public record PolicyView(
        SpaceType spaceType,
        @NotNull Boolean wholeDay,
        @NotNull @Min(5) @Max(1440) Integer slotMinutes,
        @NotNull @Min(5) @Max(1440) Integer minMinutes,
        @NotNull @Min(5) @Max(1440) Integer maxMinutes,
        @NotNull @Min(0) @Max(365) Integer maxDaysAhead,
        @NotNull @Min(0) @Max(10080) Integer minLeadMinutes,
        @NotNull @Min(1) @Max(100) Integer maxActiveBookings,
        @NotNull @Min(1) @Max(168) Integer weeklyHoursPerFounder,
        @NotNull @Min(1) @Max(10000) Integer weeklyHoursPerTeam,
        String updatedBy,
        OffsetDateTime updatedAt) {

    public static PolicyView of(BookingPolicy p) {
        return new PolicyView(p.spaceType, p.wholeDay, p.slotMinutes, p.minMinutes, p.maxMinutes, p.maxDaysAhead,
                p.minLeadMinutes, p.maxActiveBookings, p.weeklyHoursPerFounder, p.weeklyHoursPerTeam, p.updatedBy,
                p.updatedAt);
    }
}
