package org.smarttown.coworking.booking;

import java.util.List;

/** What a range cancellation cancelled. */
public record CancelledBookings(int count, List<BookingView> bookings) {
}
