package org.smarttown.care.device;

import java.time.OffsetDateTime;
import java.util.UUID;

public record DeviceView(
        String serial,
        DeviceType type,
        UUID residentId,
        OffsetDateTime installedAt,
        OffsetDateTime lastSeenAt,
        Integer batteryPercent,
        String firmware,
        int heartbeatIntervalSeconds,
        Device.Health health) {

    static DeviceView of(Device d, OffsetDateTime now, int lowBattery) {
        return new DeviceView(d.serial, d.type, d.residentId, d.installedAt, d.lastSeenAt, d.batteryPercent,
                d.firmware, d.heartbeatIntervalSeconds, d.health(now, lowBattery));
    }
}
