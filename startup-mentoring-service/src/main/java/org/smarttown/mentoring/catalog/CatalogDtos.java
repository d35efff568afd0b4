package org.smarttown.mentoring.catalog;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What clients send and receive about agencies, mentors and session types. */
public final class CatalogDtos {

    private CatalogDtos() {
    }

    @Schema(example = "{\"id\":\"agency-a\",\"name\":\"Gwangju Startup Support Center\"}")
    public record AgencyRequest(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,49}", message = "must be 2-50 lower-case letters, digits or '-'") String id,
            @NotBlank @Size(max = 200) String name) {
    }

    public record AgencyView(String id, String name, OffsetDateTime createdAt) {
        static AgencyView of(Agency agency) {
            return new AgencyView(agency.id, agency.name, agency.createdAt);
        }
    }

    @Schema(example = """
            {"name":"Kim Jiwon","email":"jiwon@agency-a.example","bio":"Ten years of B2B SaaS",
             "expertise":["saas","fundraising"],"languages":["ko","en"],
             "availability":{"weekly":[{"day":"MONDAY","start":"09:00","end":"12:00"}],"overrides":[],"holidays":[]}}""")
    public record MentorRequest(
            @NotBlank @Size(max = 200) String name,
            @Email @Size(max = 200) String email,
            @Size(max = 4000) String bio,
            @Size(max = 30) List<@NotBlank @Size(max = 50) @Pattern(regexp = "[^,]*", message = "must not contain ','") String> expertise,
            @Size(max = 10) List<@NotBlank @Size(max = 20) @Pattern(regexp = "[^,]*", message = "must not contain ','") String> languages,
            @Valid Availability availability,
            Boolean active) {
    }

    public record MentorView(UUID id, String agencyId, String name, String email, String bio, List<String> expertise,
            List<String> languages, Availability availability, boolean active) {
        public static MentorView of(Mentor mentor) {
            return new MentorView(mentor.id, mentor.agencyId, mentor.name, mentor.email, mentor.bio,
                    Mentor.decodeTags(mentor.expertise), Mentor.decodeTags(mentor.languages), mentor.availability,
                    mentor.active);
        }
    }

    @Schema(example = """
            {"kind":"MENTORING","name":"One-to-one mentoring","durationMinutes":60,"bufferBeforeMinutes":10,
             "bufferAfterMinutes":15,"minBookingNoticeMinutes":1440,"minChangeNoticeMinutes":1440,
             "maxPerDayPerMentor":4,"maxPerWeekPerMentor":12,"maxPerDayPerFounder":1,"maxPerWeekPerFounder":2,
             "requiresConfirmation":true,"seats":1}""")
    public record SessionTypeRequest(
            @NotNull SessionKind kind,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Min(5) @Max(480) Integer durationMinutes,
            @Min(0) @Max(240) int bufferBeforeMinutes,
            @Min(0) @Max(240) int bufferAfterMinutes,
            @Min(0) @Max(43200) int minBookingNoticeMinutes,
            @Min(0) @Max(43200) int minChangeNoticeMinutes,
            @Min(1) Integer maxPerDayPerMentor,
            @Min(1) Integer maxPerWeekPerMentor,
            @Min(1) Integer maxPerDayPerFounder,
            @Min(1) Integer maxPerWeekPerFounder,
            boolean requiresConfirmation,
            @Min(1) @Max(500) Integer seats,
            Boolean active) {
    }

    public record SessionTypeView(UUID id, String agencyId, SessionKind kind, String name, int durationMinutes,
            int bufferBeforeMinutes, int bufferAfterMinutes, int minBookingNoticeMinutes, int minChangeNoticeMinutes,
            Integer maxPerDayPerMentor, Integer maxPerWeekPerMentor, Integer maxPerDayPerFounder,
            Integer maxPerWeekPerFounder, boolean requiresConfirmation, int seats, boolean active) {
        public static SessionTypeView of(SessionType t) {
            return new SessionTypeView(t.id, t.agencyId, t.kind, t.name, t.durationMinutes, t.bufferBeforeMinutes,
                    t.bufferAfterMinutes, t.minBookingNoticeMinutes, t.minChangeNoticeMinutes, t.maxPerDayPerMentor,
                    t.maxPerWeekPerMentor, t.maxPerDayPerFounder, t.maxPerWeekPerFounder, t.requiresConfirmation,
                    t.seats, t.active);
        }
    }
}
