package org.smarttown.care.vr;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A session in the VR room: a programme at a time, with so many headsets and a staff member. */
@Entity
public class VrSession extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID programmeId;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    public int capacity;
    /** Changed only by one atomic update per enrolment (see VrService), never through this field. */
    public int enrolled;
    public String staff;
    public String room;
    public String createdBy;
    public OffsetDateTime createdAt;
    @Version
    public int version;
}
