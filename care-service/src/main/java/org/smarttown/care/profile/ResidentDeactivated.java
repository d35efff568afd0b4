package org.smarttown.care.profile;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** care-service's copy of resident-service's ResidentDeactivated; {@code status} says why (MOVED_OUT...). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResidentDeactivated(UUID residentId, String status) {

    public static final String TYPE = "ResidentDeactivated";
}
