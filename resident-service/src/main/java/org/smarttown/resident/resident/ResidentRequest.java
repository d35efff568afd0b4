package org.smarttown.resident.resident;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What welfare staff send to register a resident. */
public record ResidentRequest(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Past LocalDate birthDate,
        @NotNull Resident.Sex sex,
        /** YYMMDD-GNNNNNN; checked against birthDate and sex by the service. Optional. */
        @Size(max = 20) String rrn,
        @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
        @NotNull @Valid Address address,
        @Valid Location location,
        @Size(max = 5) Set<@NotNull Category> categories,
        @Size(max = 4) Set<@NotNull BenefitType> benefitTypes,
        @Size(max = 20) List<@NotBlank @Size(max = 100) String> conditions,
        @Size(max = 5) List<@NotNull @Valid EmergencyContact> emergencyContacts,
        @Size(max = 100) String assignedCareWorker,
        @Pattern(regexp = HAENGBOKEUM, message = HAENGBOKEUM_MESSAGE) String haengbokeumId,
        @Size(max = 10) List<@NotNull @Valid Consent> consents) {

    static final String PHONE = "0\\d{1,2}-\\d{3,4}-\\d{4}";
    static final String PHONE_MESSAGE = "must look like 010-1234-5678";
    static final String HAENGBOKEUM = "[A-Za-z0-9-]{1,40}";
    static final String HAENGBOKEUM_MESSAGE = "must be 1 to 40 letters, digits or hyphens";

    /** The same request with another value in place of the registration number. */
    public ResidentRequest withRrn(String value) {
        return new ResidentRequest(name, birthDate, sex, value, phone, address, location, categories, benefitTypes,
                conditions, emergencyContacts, assignedCareWorker, haengbokeumId, consents);
    }

    /** Never prints the registration number, should a request ever be logged. */
    @Override
    public String toString() {
        return "ResidentRequest[name=" + name + ", rrn=" + (rrn == null ? null : "<hidden>") + "]";
    }

    public record Address(
            @NotBlank @Size(max = 50) String dong,
            @NotBlank @Size(max = 100) String complex,
            @Size(max = 20) String building,
            @Size(max = 20) String unit) {
    }

    /** WGS 84 degrees. */
    public record Location(
            @NotNull @DecimalMin(value = "-90", message = "must be between -90 and 90") @DecimalMax(value = "90", message = "must be between -90 and 90") Double lat,
            @NotNull @DecimalMin(value = "-180", message = "must be between -180 and 180") @DecimalMax(value = "180", message = "must be between -180 and 180") Double lon) {
    }

    public record Consent(@NotNull Purpose purpose, @NotNull Boolean given) {
    }
}
