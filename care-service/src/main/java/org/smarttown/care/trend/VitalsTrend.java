package org.smarttown.care.trend;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.smarttown.care.reading.ReadingType;

/** One vital sign downsampled into equal time buckets (empty buckets are left out). */
public record VitalsTrend(UUID residentId, ReadingType type, String unit, OffsetDateTime from, OffsetDateTime to,
        String step, List<Bucket> buckets) {

    public record Bucket(OffsetDateTime start, long count, double min, double max, double mean, double sum) {
    }
}
