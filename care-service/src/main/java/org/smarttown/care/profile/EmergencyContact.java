package org.smarttown.care.profile;

/** One person to call, in the order the resident gave. */
public record EmergencyContact(int order, String name, String relation, String phone) {
}
