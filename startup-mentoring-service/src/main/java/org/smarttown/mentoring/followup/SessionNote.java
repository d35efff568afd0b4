package org.smarttown.mentoring.followup;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The mentor's note on a session; the founder sees it only when it is shared. */
@Entity
public class SessionNote extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID sessionId;
    public String author;
    public String text;
    public boolean shared;
    public OffsetDateTime createdAt;
}
