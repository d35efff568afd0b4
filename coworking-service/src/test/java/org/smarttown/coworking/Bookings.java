package org.smarttown.coworking;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves a booking's stored times in the real database, so that tests can reach "check-in is open"
 * or "the no-show deadline has passed" without waiting for the clock.
 */
@ApplicationScoped
public class Bookings {

    private final Pool pool;

    public Bookings(Pool pool) {
        this.pool = pool;
    }

    /** Sets the no-show deadline (release_at) as if the window had been shorter. */
    public void deadline(String bookingId, OffsetDateTime releaseAt) {
        pool.preparedQuery("update booking set release_at = $2 where id = $1")
                .execute(Tuple.of(UUID.fromString(bookingId), releaseAt)).await().indefinitely();
    }

    /** Moves the booking to start at {@code start}, keeping its length, with the deadline 15 minutes later. */
    public void startAt(String bookingId, OffsetDateTime start) {
        pool.preparedQuery("update booking set end_at = $2 + (end_at - start_at), start_at = $2, "
                + "release_at = $2 + interval '15 minutes' where id = $1")
                .execute(Tuple.of(UUID.fromString(bookingId), start)).await().indefinitely();
    }
}
