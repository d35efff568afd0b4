package org.smarttown.care.profile;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** What care-service knows of a resident in its care: its own copy, kept current by events. */
@Entity
public class CareProfile extends PanacheEntityBase {

    public enum Status {
        OPEN, CLOSED
    }

    /** Why a profile was closed: the resident's own status from resident-service, or consent. */
    public static final String CONSENT_WITHDRAWN = "CONSENT_WITHDRAWN";

    @Id
    public UUID residentId;
    public String name;
    public LocalDate birthDate;
    public String dong;
    public String complex;
    @Enumerated(EnumType.STRING)
    public Status status;
    public OffsetDateTime openedAt;
    public OffsetDateTime closedAt;
    public String closedReason;
    public OffsetDateTime updatedAt;
    public String assignedCareWorker;
    @Convert(converter = EmergencyContactsConverter.class)
    public List<EmergencyContact> emergencyContacts = List.of();
    /** Care-relevant conditions recorded by staff (VR suitability); erased with consent. */
    @Convert(converter = ConditionsConverter.class)
    public List<Condition> conditions = List.of();
    /** The resident's own active hours and quiet period; null means the configured default. */
    public LocalTime activeFrom;
    public LocalTime activeTo;
    public Integer quietPeriodMinutes;
    /** Learned from the resident's activity history (RhythmLearner); null until there is enough. */
    public LocalTime learnedActiveFrom;
    public LocalTime learnedActiveTo;
    public Integer learnedQuietPeriodMinutes;
    public OffsetDateTime rhythmLearnedAt;
    /** How many days with activity the learned rhythm came from. */
    public Integer rhythmLearnedDays;
    /** When the learner last looked, also when it found too little history. */
    public OffsetDateTime rhythmCheckedAt;
    @Version
    public int version;

    /** Forgets the learned rhythm (too little history now, or consent withdrawn). */
    public void forgetLearnedRhythm() {
        learnedActiveFrom = null;
        learnedActiveTo = null;
        learnedQuietPeriodMinutes = null;
        rhythmLearnedAt = null;
        rhythmLearnedDays = null;
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }
}
