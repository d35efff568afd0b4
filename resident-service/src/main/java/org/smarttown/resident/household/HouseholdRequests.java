package org.smarttown.resident.household;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What staff send about households. */
public final class HouseholdRequests {

    private HouseholdRequests() {
    }

    public record Create(@Size(max = 100) String name, @Size(max = 20) List<@NotNull @Valid Join> members) {
    }

    /** Adds a resident from {@code from} (today if absent). */
    public record Join(@NotNull UUID residentId, boolean head, boolean primaryRecipient, LocalDate from) {
    }

    /** Ends a membership on {@code to} (exclusive; today if absent). */
    public record Leave(LocalDate to) {
    }
}
