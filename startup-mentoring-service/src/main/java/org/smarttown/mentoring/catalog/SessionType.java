package org.smarttown.mentoring.catalog;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A kind of session an agency offers, with its rules; every mentor of the agency offers it. */
@Entity
public class SessionType extends PanacheEntityBase {

    @Id
    public UUID id;
    public String agencyId;
    @Enumerated(EnumType.STRING)
    public SessionKind kind;
    public String name;
    public int durationMinutes;
    public int bufferBeforeMinutes;
    public int bufferAfterMinutes;
    public int minBookingNoticeMinutes;
    /** How long before the start a founder may still cancel or reschedule; the agency always may. */
    public int minChangeNoticeMinutes;
    public Integer maxPerDayPerMentor;
    public Integer maxPerWeekPerMentor;
    public Integer maxPerDayPerFounder;
    public Integer maxPerWeekPerFounder;
    public boolean requiresConfirmation;
    public int seats = 1;
    public boolean active = true;
    public OffsetDateTime createdAt;
    @Version
    public int version;

    public Duration duration() {
        return Duration.ofMinutes(durationMinutes);
    }

    public boolean isGroup() {
        return seats > 1;
    }
}
