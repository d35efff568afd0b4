package org.smarttown.resident.resident;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Published to {@code residents.events} when a resident is registered. Carries no registration
 * number: personal identifiers never leave this service in events.
 */
public record ResidentRegistered(
        UUID residentId,
        String name,
        LocalDate birthDate,
        String dong,
        String complex,
        boolean careConsent) {

    public static final String TYPE = "ResidentRegistered";
    public static final int VERSION = 1;

    static ResidentRegistered of(Resident r) {
        return new ResidentRegistered(r.id, r.name, r.birthDate, r.dong, r.complex, r.careConsent);
    }
}
