package org.smarttown.resident.resident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A resident as staff see it. */
public record ResidentView(
        UUID id,
        String name,
        LocalDate birthDate,
        Resident.Sex sex,
        String phone,
        ResidentRequest.Address address,
        boolean careConsent,
        Resident.Status status,
        OffsetDateTime createdAt) {

    static ResidentView of(Resident r) {
        return new ResidentView(r.id, r.name, r.birthDate, r.sex, r.phone,
                new ResidentRequest.Address(r.dong, r.complex, r.building, r.unit), r.careConsent, r.status,
                r.createdAt);
    }
}
