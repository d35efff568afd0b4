package org.smarttown.coworking.booking;

import java.time.OffsetDateTime;
import java.util.List;

/** What a series booked, and each occurrence that could not be booked with the rule it broke. */
public record RecurringResult(List<BookingView> booked, List<Refused> refused) {

    public record Refused(OffsetDateTime start, OffsetDateTime end, String type, String detail) {
    }
}
