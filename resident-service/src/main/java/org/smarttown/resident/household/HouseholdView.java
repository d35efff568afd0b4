package org.smarttown.resident.household;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A household with every membership, past and current. */
public record HouseholdView(UUID id, String name, OffsetDateTime createdAt, String createdBy, List<Member> members) {

    public record Member(UUID residentId, String name, boolean head, boolean primaryRecipient, LocalDate from, LocalDate to,
            boolean current) {
    }
}
