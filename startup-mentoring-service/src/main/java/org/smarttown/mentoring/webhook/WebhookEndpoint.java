package org.smarttown.mentoring.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Where an agency wants session events POSTed, and the secret their signatures use. */
@Entity
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;
    public String agencyId;
    public String url;
    /** The signing secret, encrypted (see WebhookSecretProtector); never in clear here. */
    public String secret;
    public String events;
    public boolean active;
    public OffsetDateTime createdAt;
}
