package org.smarttown.mentoring.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One change of a session: who made it, in which role, and why. Never updated. */
@Entity
public class SessionChange extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID sessionId;
    public String fromStatus;
    public String toStatus;
    public String actor;
    public String actorKind;
    public String reason;
    public OffsetDateTime at;
}
