package org.smarttown.mentoring.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Something the founder agreed to do after a session; the founder ticks it off. */
@Entity
public class FollowUpAction extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID sessionId;
    public String title;
    public LocalDate dueDate;
    public boolean done;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
}
