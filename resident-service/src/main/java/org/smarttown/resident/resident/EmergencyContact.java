package org.smarttown.resident.resident;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Someone to call, in the order given (the first is called first). */
public record EmergencyContact(
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(max = 30) String relation,
        @NotBlank @Pattern(regexp = ResidentRequest.PHONE, message = ResidentRequest.PHONE_MESSAGE) String phone) {

    /** As contacts appear in responses and events: numbered from 1. */
    public record Numbered(int order, String name, String relation, String phone) {
    }
}
