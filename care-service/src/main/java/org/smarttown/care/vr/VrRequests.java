package org.smarttown.care.vr;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.smarttown.care.profile.Condition;

/** The bodies of the VR room's endpoints. */
public final class VrRequests {

    private VrRequests() {
    }

    public record NewProgramme(
            @NotNull @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,39}", message = "must be 2 to 40 capital letters, digits or dashes") String code,
            @NotBlank @Size(max = 100) String name,
            @NotNull VrProgramme.Kind kind,
            @NotNull @Min(value = 5, message = "must be at least 5") @Max(value = 180, message = "must be at most 180") Integer durationMinutes,
            @NotNull VrProgramme.Intensity intensity,
            @Size(max = 20) List<@NotNull Condition> suits,
            @Size(max = 20) List<@NotNull Condition> contraindications,
            @Size(max = 1000) String description) {
    }

    /** A session; {@code endsAt} defaults to the programme's duration, {@code staff} to the caller. */
    public record NewSession(
            @NotNull UUID programmeId,
            @NotNull OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            @NotNull @Min(value = 1, message = "must be at least 1 headset") @Max(value = 100, message = "must be at most 100") Integer capacity,
            @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a user name") String staff,
            @Size(max = 40) String room) {
    }

    /** Enrol a resident; {@code overrideReason} (supervisors only) enrols despite a contraindication. */
    public record NewEnrolment(@NotNull UUID residentId, @Size(max = 500) String overrideReason) {
    }

    /** How a participant did: ATTENDED with minutes (and completion, the programme's score), or NO_SHOW. */
    public record AttendanceRecord(
            @NotNull VrEnrolment.Attendance attendance,
            @Min(value = 0, message = "must be 0 or more") Integer minutesDone,
            Boolean completed,
            @Min(value = 0, message = "must be from 0 to 100") @Max(value = 100, message = "must be from 0 to 100") Integer score) {
    }
}
