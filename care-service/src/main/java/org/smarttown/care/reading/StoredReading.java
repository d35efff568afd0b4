package org.smarttown.care.reading;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A reading that was new and is now stored: what detection looks at. */
public record StoredReading(String deviceSerial, long sequence, UUID residentId, ReadingType type, double value,
        OffsetDateTime measuredAt) {
}
