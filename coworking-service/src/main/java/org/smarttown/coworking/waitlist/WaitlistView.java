package org.smarttown.coworking.waitlist;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/** A place in line; {@code bookingId} is set once promoted. */
public record WaitlistView(UUID id, UUID spaceId, String username, OffsetDateTime start, OffsetDateTime end,
        WaitlistEntry.Status status, UUID bookingId, OffsetDateTime createdAt, OffsetDateTime promotedAt) {

    static WaitlistView of(WaitlistEntry e, ZoneId zone) {
        return new WaitlistView(e.id, e.spaceId, e.username, local(e.startAt, zone), local(e.endAt, zone), e.status,
                e.bookingId, local(e.createdAt, zone), local(e.promotedAt, zone));
    }

    private static OffsetDateTime local(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }
}
