package org.smarttown.resident.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What this service publishes to {@code residents.events} (samples in src/test/resources/contracts).
 * None of them carries a registration number; without CARE_SERVICES consent they carry the id only.
 */
public final class ResidentEvents {

    public static final String ADDRESS = "residents.events";
    public static final String REGISTERED = "ResidentRegistered";
    public static final String UPDATED = "ResidentUpdated";
    public static final String DEACTIVATED = "ResidentDeactivated";
    public static final String CONSENT_CHANGED = "ConsentChanged";
    public static final int VERSION = 1;

    private ResidentEvents() {
    }

    /** The data of ResidentRegistered and ResidentUpdated: the resident as care-service may know them. */
    public record Snapshot(
            UUID residentId,
            boolean careConsent,
            String name,
            LocalDate birthDate,
            Resident.Sex sex,
            String phone,
            String dong,
            String complex,
            String building,
            String unit,
            List<Category> categories,
            String assignedCareWorker,
            List<EmergencyContact.Numbered> emergencyContacts) {

        public static Snapshot of(Resident r) {
            if (!r.careConsent) {
                return new Snapshot(r.id, false, null, null, null, null, null, null, null, null, null, null, null);
            }
            return new Snapshot(r.id, true, r.name, r.birthDate, r.sex, r.phone, r.dong, r.complex, r.building, r.unit,
                    List.copyOf(r.categories()), r.assignedCareWorker, ResidentView.numbered(r.emergencyContacts));
        }
    }

    /**
     * A resident left care. Without consent the status is withheld too: whether someone died or
     * moved is personal, and care-service holds nothing about them to close.
     */
    public record Deactivated(UUID residentId, Resident.Status status) {

        public static Deactivated of(Resident r) {
            return new Deactivated(r.id, r.careConsent ? r.status : null);
        }
    }

    /** A consent was given or withdrawn; carries no personal data, so it is always published. */
    public record ConsentChanged(UUID residentId, Purpose purpose, boolean given, int consentVersion) {
    }
}
