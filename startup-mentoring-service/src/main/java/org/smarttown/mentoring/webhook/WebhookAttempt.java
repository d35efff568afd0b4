package org.smarttown.mentoring.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One try of a delivery, as the agency's log shows it. */
@Entity
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID deliveryId;
    public int attempt;
    public OffsetDateTime at;
    public Integer statusCode;
    public String error;
    public int durationMs;
}
