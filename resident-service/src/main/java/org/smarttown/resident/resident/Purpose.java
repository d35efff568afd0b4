package org.smarttown.resident.resident;

import com.fasterxml.jackson.annotation.JsonAlias;

/** What a resident may consent to. Events to care-service depend on CARE_SERVICES. */
public enum Purpose {
    CARE_SERVICES,
    /** Sharing with partner organisations. {@code DATA_SHARING}, the foundation's name, is still read. */
    @JsonAlias("DATA_SHARING")
    DATA_SHARING_PARTNERS,
    CONTACT
}
