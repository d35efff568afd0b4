package org.smarttown.resident.resident;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A resident as staff see it. */
public record ResidentView(
        UUID id,
        String name,
        LocalDate birthDate,
        Resident.Sex sex,
        /** Masked: {@code 450302-2******}; the number itself only through rrn-reveal. */
        String rrnMasked,
        String phone,
        ResidentRequest.Address address,
        ResidentRequest.Location location,
        Set<Category> categories,
        Set<BenefitType> benefitTypes,
        List<String> conditions,
        List<EmergencyContact.Numbered> emergencyContacts,
        String assignedCareWorker,
        String haengbokeumId,
        List<ConsentState> consents,
        boolean careConsent,
        Resident.Status status,
        /** The record this one was merged into, when status is MERGED. */
        @JsonInclude(JsonInclude.Include.NON_NULL) UUID mergedInto,
        int riskScore,
        String riskLevel,
        /** Only on the single-resident read; lists leave it out. */
        @JsonInclude(JsonInclude.Include.NON_NULL) List<StatusEntry> statusHistory,
        OffsetDateTime createdAt,
        String createdBy,
        OffsetDateTime updatedAt,
        String updatedBy,
        int version) {

    public record StatusEntry(Resident.Status status, String reason, OffsetDateTime changedAt, String changedBy) {
    }

    static ResidentView of(Resident r) {
        return of(r, null);
    }

    static ResidentView of(Resident r, List<ResidentStatusChange> history) {
        return new ResidentView(r.id, r.name, r.birthDate, r.sex, r.rrnMasked, r.phone,
                new ResidentRequest.Address(r.dong, r.complex, r.building, r.unit),
                r.lat == null ? null : new ResidentRequest.Location(r.lat, r.lon),
                r.categories(), r.benefitTypes(), r.conditions, numbered(r.emergencyContacts),
                r.assignedCareWorker, r.haengbokeumId, r.consents, r.careConsent, r.status, r.mergedInto, r.riskScore, r.riskLevel,
                history == null ? null
                        : history.stream().map(h -> new StatusEntry(h.status, h.reason, h.changedAt, h.changedBy)).toList(),
                r.createdAt, r.createdBy, r.updatedAt, r.updatedBy, r.version);
    }

    static List<EmergencyContact.Numbered> numbered(List<EmergencyContact> contacts) {
        return IntStream.range(0, contacts.size())
                .mapToObj(i -> new EmergencyContact.Numbered(i + 1, contacts.get(i).name(), contacts.get(i).relation(),
                        contacts.get(i).phone()))
                .toList();
    }
}
