package org.smarttown.coworking.booking;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import org.smarttown.coworking.space.Space;

/** A booking as its founder or a space manager sees it; times in the office's zone; calendarUrl is its .ics. */
public record BookingView(UUID id, UUID spaceId, String spaceCode, String spaceName, String username, UUID teamId,
        OffsetDateTime start, OffsetDateTime end, Booking.Status status, String checkInToken,
        OffsetDateTime checkedInAt, OffsetDateTime releaseAt, OffsetDateTime cancelledAt, OffsetDateTime createdAt,
        String calendarUrl) {

    public static BookingView of(Booking b, Space space, ZoneId zone) {
        return new BookingView(b.id, b.spaceId, space == null ? null : space.code, space == null ? null : space.name,
                b.username, b.teamId, local(b.startAt, zone), local(b.endAt, zone), b.status, b.checkInToken,
                local(b.checkedInAt, zone), local(b.releaseAt, zone), local(b.cancelledAt, zone), local(b.createdAt, zone),
                "/api/coworking/bookings/" + b.id + "/calendar.ics");
    }

    /** The same booking without the token that checks it in (for teammates' read-only view). */
    public BookingView withoutCheckInToken() {
        return new BookingView(id, spaceId, spaceCode, spaceName, username, teamId, start, end, status, null, checkedInAt,
                releaseAt, cancelledAt, createdAt, calendarUrl);
    }

    static OffsetDateTime local(OffsetDateTime time, ZoneId zone) {
        return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
