package org.smarttown.care.device;

import java.util.EnumSet;
import java.util.Set;

import org.smarttown.care.reading.ReadingType;

/** What is installed, and which readings each kind of device can send. */
public enum DeviceType {
    SMART_BAND(EnumSet.of(ReadingType.HEART_RATE, ReadingType.SPO2, ReadingType.STEPS, ReadingType.SKIN_TEMP,
            ReadingType.ACTIVITY, ReadingType.FALL, ReadingType.SOS)),
    EMERGENCY_BUTTON(EnumSet.of(ReadingType.SOS)),
    ACTIVITY_SENSOR(EnumSet.of(ReadingType.ACTIVITY)),
    FIRE_SENSOR(EnumSet.of(ReadingType.SMOKE)),
    GAS_SENSOR(EnumSet.of(ReadingType.GAS)),
    DOOR_SENSOR(EnumSet.of(ReadingType.DOOR)),
    HUB(EnumSet.noneOf(ReadingType.class));

    private final Set<ReadingType> sends;

    DeviceType(Set<ReadingType> sends) {
        this.sends = sends;
    }

    /** Every device also reports its battery and heartbeat. */
    public boolean canSend(ReadingType type) {
        return type == ReadingType.BATTERY || type == ReadingType.HEARTBEAT || sends.contains(type);
    }
}
