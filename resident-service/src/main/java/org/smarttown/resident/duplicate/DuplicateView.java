package org.smarttown.resident.duplicate;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.smarttown.resident.resident.Resident;

/** A suspicion with just enough of both residents for staff to judge (the RRN only masked). */
public record DuplicateView(UUID id, String reason, DuplicateSuspect.Status status, OffsetDateTime createdAt,
        Party resident, Party other, DuplicateSuspect.Resolution resolution, UUID keptId, String note,
        OffsetDateTime resolvedAt, String resolvedBy) {

    public record Party(UUID id, String name, LocalDate birthDate, String rrnMasked, String phone, String dong,
            String complex, String building, String unit, Resident.Status status, OffsetDateTime createdAt) {

        static Party of(Resident r) {
            return r == null ? null
                    : new Party(r.id, r.name, r.birthDate, r.rrnMasked, r.phone, r.dong, r.complex, r.building, r.unit,
                            r.status, r.createdAt);
        }
    }

    static DuplicateView of(DuplicateSuspect s, Resident resident, Resident other) {
        return new DuplicateView(s.id, s.reason, s.status, s.createdAt, Party.of(resident), Party.of(other), s.resolution,
                s.keptId, s.note, s.resolvedAt, s.resolvedBy);
    }
}
