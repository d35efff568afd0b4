package org.smarttown.care.alert;

public enum AlertKind {
    SOS, FALL, SMOKE, GAS, HEART_RATE, SPO2, INACTIVITY, LOW_BATTERY, DEVICE_SILENT,
    /** A critical screening item (PHQ-9 item 9 above 0). */
    SELF_HARM
}
