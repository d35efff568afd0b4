package org.smarttown.care.profile;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * care-service's own copy of resident-service's ResidentRegistered (contract:
 * src/test/resources/contracts/ResidentRegistered.json); fields it does not need are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResidentRegistered(
        UUID residentId,
        String name,
        LocalDate birthDate,
        String dong,
        String complex,
        boolean careConsent) {

    public static final String TYPE = "ResidentRegistered";
}
