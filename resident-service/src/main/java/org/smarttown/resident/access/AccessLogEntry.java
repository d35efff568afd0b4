package org.smarttown.resident.access;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One line of the append-only access log (the database refuses UPDATE and DELETE). */
@Entity
@Table(name = "access_log")
public class AccessLogEntry extends PanacheEntityBase {

    @Id
    public UUID id;
    public OffsetDateTime at;
    public String actor;
    /** READ, SEARCH, CREATE, UPDATE, DEACTIVATE, RRN_REVEAL, ... */
    public String action;
    public UUID residentId;
    /** The reason given (a reveal's) or the filters of a search. */
    public String purpose;
    /** For changes: {"field": {"old": ..., "new": ...}}, never a registration number. */
    public String changes;
}
