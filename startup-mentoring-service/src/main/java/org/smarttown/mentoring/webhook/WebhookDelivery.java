package org.smarttown.mentoring.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One event for one endpoint: PENDING until a 2xx answer (DELIVERED) or too many failures (FAILED). */
@Entity
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID endpointId;
    public String agencyId;
    public UUID eventId;
    public String eventType;
    public String payload;
    public String status;
    public int attempts;
    public OffsetDateTime nextAttemptAt;
    public Integer lastStatus;
    public OffsetDateTime createdAt;
    public OffsetDateTime deliveredAt;
}
