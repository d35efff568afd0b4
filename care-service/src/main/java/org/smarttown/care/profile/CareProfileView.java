package org.smarttown.care.profile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

public record CareProfileView(
        UUID residentId,
        String name,
        LocalDate birthDate,
        String dong,
        String complex,
        CareProfile.Status status,
        OffsetDateTime openedAt) {

    static CareProfileView of(CareProfile p) {
        return new CareProfileView(p.residentId, p.name, p.birthDate, p.dong, p.complex, p.status, p.openedAt);
    }
}
