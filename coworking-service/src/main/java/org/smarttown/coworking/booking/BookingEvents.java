package org.smarttown.coworking.booking;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The data of the events bookings publish to coworking.events (all version 1). */
public final class BookingEvents {

    public static final String ADDRESS = "coworking.events";
    public static final int VERSION = 1;

    private BookingEvents() {
    }

    /** A booking now holds its space. */
    public record BookingConfirmed(UUID bookingId, UUID spaceId, String spaceCode, String username, UUID teamId,
            OffsetDateTime start, OffsetDateTime end) {
        public static final String TYPE = "BookingConfirmed";
    }

    /** A booking was cancelled by its founder or a space manager; the space is free again. */
    public record BookingCancelled(UUID bookingId, UUID spaceId, String spaceCode, String username,
            OffsetDateTime start, OffsetDateTime end, String cancelledBy, OffsetDateTime cancelledAt) {
        public static final String TYPE = "BookingCancelled";
    }

    /** Nobody checked in by the deadline; the booking was released and counts as a no-show. */
    public record BookingNoShow(UUID bookingId, UUID spaceId, String spaceCode, String username,
            OffsetDateTime start, OffsetDateTime end, OffsetDateTime releasedAt, int noShowsInPeriod, boolean blocked) {
        public static final String TYPE = "BookingNoShow";
    }

    /** The first founder waiting for a freed slot got it; their new booking is {@code bookingId}. */
    public record WaitlistPromoted(UUID waitlistEntryId, UUID bookingId, UUID spaceId, String spaceCode,
            String username, OffsetDateTime start, OffsetDateTime end) {
        public static final String TYPE = "WaitlistPromoted";
    }
}
