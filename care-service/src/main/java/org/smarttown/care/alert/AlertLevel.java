package org.smarttown.care.alert;

/** TECHNICAL concerns a device, not the resident's state; it never outranks a WARNING. */
public enum AlertLevel {
    TECHNICAL, WARNING, CRITICAL;

    public boolean above(AlertLevel other) {
        return this != TECHNICAL && other != null && ordinal() > other.ordinal();
    }
}
