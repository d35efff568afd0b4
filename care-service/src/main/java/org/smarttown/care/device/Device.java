package org.smarttown.care.device;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

@Entity
public class Device extends PanacheEntityBase {

    public enum Health {
        OK, NEVER_SEEN, SILENT, LOW_BATTERY
    }

    @Id
    public String serial;
    @Enumerated(EnumType.STRING)
    public DeviceType type;
    public UUID residentId;
    public OffsetDateTime installedAt;
    public OffsetDateTime registeredAt;
    public OffsetDateTime lastSeenAt;
    public OffsetDateTime silentAfter;
    public Integer batteryPercent;
    public OffsetDateTime batteryMeasuredAt;
    public String firmware;
    public int heartbeatIntervalSeconds;
    @Version
    public int version;

    /** A device was heard from at {@code when} (never moves backwards). */
    public void seen(OffsetDateTime when) {
        if (lastSeenAt == null || when.isAfter(lastSeenAt)) {
            lastSeenAt = when;
            silentAfter = when.plusSeconds(heartbeatIntervalSeconds);
        }
    }

    public Health health(OffsetDateTime now, int lowBattery) {
        if (lastSeenAt == null) {
            return Health.NEVER_SEEN;
        }
        if (silentAfter != null && silentAfter.isBefore(now)) {
            return Health.SILENT;
        }
        if (batteryPercent != null && batteryPercent < lowBattery) {
            return Health.LOW_BATTERY;
        }
        return Health.OK;
    }
}
