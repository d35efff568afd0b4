package org.smarttown.care.profile;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * care-service's own copy of resident-service's ResidentRegistered and ResidentUpdated, which
 * share one shape (contracts: src/test/resources/contracts/); fields care does not need (phone,
 * address within the complex, categories) are ignored, so they are never stored here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResidentRegistered(
        UUID residentId,
        String name,
        LocalDate birthDate,
        String dong,
        String complex,
        boolean careConsent,
        String assignedCareWorker,
        List<EmergencyContact> emergencyContacts) {

    public static final String TYPE = "ResidentRegistered";
    public static final String UPDATED = "ResidentUpdated";
}
