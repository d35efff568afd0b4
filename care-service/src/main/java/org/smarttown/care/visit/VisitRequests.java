package org.smarttown.care.visit;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the visit endpoints. */
public final class VisitRequests {

    private VisitRequests() {
    }

    /** A visit planned by hand; {@code assignedTo} defaults to the resident's care worker. */
    public record NewVisit(@NotNull UUID residentId, @NotNull OffsetDateTime dueAt,
            @NotBlank @Size(max = 200) String purpose,
            @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a user name") String assignedTo) {
    }

    public record Done(@NotNull CareVisit.Outcome outcome, @Size(max = 2000) String notes) {
    }

    public record Cancel(@NotBlank @Size(max = 2000) String reason) {
    }
}
