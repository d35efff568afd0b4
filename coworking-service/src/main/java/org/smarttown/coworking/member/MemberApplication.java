package org.smarttown.coworking.member;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

/** What a founder sends to apply. {@code team} names a team; it is created if it does not exist yet. */
public record MemberApplication(
        @NotBlank @Size(max = 100) String name,
        @NotNull @Past LocalDate birthDate,
        @NotBlank @Size(max = 200) String startupName,
        @Size(max = 100) String team,
        @NotNull Member.BusinessStage businessStage) {
}
