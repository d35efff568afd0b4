package org.smarttown.care.reading;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One reading as a hub sends it. Fields are loose on purpose (type and time as text, all
 * nullable): a single malformed reading is rejected with a reason, never the whole batch.
 * Extra fields a newer hub firmware adds are ignored for the same reason.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReadingIn(String deviceSerial, String type, Double value, String unit, String measuredAt,
        Long sequence) {
}
