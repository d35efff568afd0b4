package org.smarttown.care.alert;

/** How an alert ended; required to close one. The last two make it a FALSE_ALARM. */
public enum Resolution {
    VISITED_OK(false),
    CALLED_OK(false),
    TAKEN_TO_HOSPITAL(false),
    RESOLVED_BY_119(false),
    DEVICE_FIXED(false),
    RESIDENT_AWAY(false),
    FALSE_ALARM(true),
    ACCIDENTAL_PRESS(true);

    public final boolean falseAlarm;

    Resolution(boolean falseAlarm) {
        this.falseAlarm = falseAlarm;
    }
}
