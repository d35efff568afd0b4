package org.smarttown.care.profile;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** care-service's copy of resident-service's ConsentChanged; only purpose CARE_SERVICES concerns care. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsentChanged(UUID residentId, String purpose, boolean given, int consentVersion) {

    public static final String TYPE = "ConsentChanged";
    public static final String CARE_SERVICES = "CARE_SERVICES";
}
