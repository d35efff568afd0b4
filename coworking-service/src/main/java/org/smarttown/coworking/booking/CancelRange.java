package org.smarttown.coworking.booking;

import java.time.LocalDate;

/** Cancels the caller's future bookings on the days from..to (office time), or all of them with allFuture. */
public record CancelRange(LocalDate from, LocalDate to, Boolean allFuture) {
}
