package org.smarttown.care.reading;

/**
 * What a device measures or reports, with the values that can physically occur: anything outside
 * is a broken sensor or a broken hub, rejected rather than stored. Units are UCUM; a reading that
 * names a different unit is rejected too, since its number would mean something else.
 */
public enum ReadingType {
    HEART_RATE(20, 300, "/min", true),
    SPO2(50, 100, "%", true),
    STEPS(0, 100_000, null, false),
    SKIN_TEMP(20, 45, "Cel", true),
    ACTIVITY(0, 1_000_000, null, false),
    FALL(0, 1, null, false),
    SOS(0, 1, null, false),
    SMOKE(0, 1, null, false),
    GAS(0, 1, null, false),
    DOOR(0, 1, null, false),
    BATTERY(0, 100, "%", false),
    HEARTBEAT(0, Double.MAX_VALUE, null, false);

    public final double min;
    public final double max;
    public final String unit;
    /** Vital signs (physiology of the resident, as opposed to events and device state). */
    public final boolean vital;

    ReadingType(double min, double max, String unit, boolean vital) {
        this.min = min;
        this.max = max;
        this.unit = unit;
        this.vital = vital;
    }

    /** Readings that say something about the resident; these need a device assigned to one. */
    public boolean aboutResident() {
        return this != BATTERY && this != HEARTBEAT;
    }

    /** Readings that show the resident moving about (for inactivity). */
    public boolean showsActivity() {
        return this == ACTIVITY || this == STEPS || this == DOOR;
    }

    /** Event readings that raise a CRITICAL alert when triggered (value 1). */
    public boolean emergency() {
        return this == SOS || this == FALL || this == SMOKE || this == GAS;
    }
}
