package org.smarttown.resident.resident;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The patchable fields of a resident, as PATCH (a JSON merge patch, RFC 7396) sees them: an absent
 * field stays as it is, {@code null} clears an optional field, address and location merge member by
 * member, a list or set replaces the stored one whole ({@code []} empties it). The service merges
 * the patch into the current values and validates the result as this record. Birth date, sex and
 * the registration number belong together and are not changed here; status changes go through
 * deactivation, which keeps a history. {@code consents} are decisions to record, not a list to store.
 */
public record ResidentPatch(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
        @Pattern(regexp = ResidentRequest.PHONE, message = ResidentRequest.PHONE_MESSAGE) String phone,
        @Valid ResidentRequest.Address address,
        @Valid ResidentRequest.Location location,
        @Size(max = 5) Set<@NotNull Category> categories,
        @Size(max = 4) Set<@NotNull BenefitType> benefitTypes,
        @Size(max = 20) List<@NotNull @Size(min = 1, max = 100) String> conditions,
        @Size(max = 5) List<@NotNull @Valid EmergencyContact> emergencyContacts,
        @Size(max = 100) String assignedCareWorker,
        @Pattern(regexp = ResidentRequest.HAENGBOKEUM, message = ResidentRequest.HAENGBOKEUM_MESSAGE) String haengbokeumId,
        @Size(max = 10) List<ResidentRequest.@NotNull @Valid Consent> consents) {
}
