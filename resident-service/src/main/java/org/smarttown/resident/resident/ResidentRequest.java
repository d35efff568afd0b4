package org.smarttown.resident.resident;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
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
        @Pattern(regexp = "0\\d{1,2}-\\d{3,4}-\\d{4}", message = "must look like 010-1234-5678") String phone,
        @NotNull @Valid Address address,
        @Size(max = 10) List<@NotNull @Valid Consent> consents) {

    public record Address(
            @NotBlank @Size(max = 50) String dong,
            @NotBlank @Size(max = 100) String complex,
            @Size(max = 20) String building,
            @Size(max = 20) String unit) {
    }

    public enum Purpose {
        CARE_SERVICES, DATA_SHARING, CONTACT
    }

    public record Consent(@NotNull Purpose purpose, @NotNull Boolean given) {
    }

    boolean consentsTo(Purpose purpose) {
        return consents != null && consents.stream().anyMatch(c -> c.purpose() == purpose && c.given());
    }
}
