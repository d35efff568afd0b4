package org.smarttown.care.alert;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One thing that happened to an alert: who, when, what, and their note. */
@Entity
public class AlertStep extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID alertId;
    public String action;
    @Enumerated(EnumType.STRING)
    public AlertStatus status;
    public String actor;
    public OffsetDateTime at;
    public String note;

    static AlertStep of(Alert alert, String action, String actor, String note) {
        AlertStep step = new AlertStep();
        step.alertId = alert.id;
        step.action = action;
        step.status = alert.status;
        step.actor = actor;
        step.at = alert.updatedAt;
        step.note = note;
        return step;
    }
}
