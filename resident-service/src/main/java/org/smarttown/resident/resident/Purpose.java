package org.smarttown.resident.resident;

/** What a resident may consent to. Events to care-service depend on CARE_SERVICES. */
public enum Purpose {
    CARE_SERVICES, DATA_SHARING_PARTNERS, CONTACT
}
