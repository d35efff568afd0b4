package org.smarttown.mentoring.common;

import org.smarttown.commons.problem.Conflict;

import io.vertx.pgclient.PgException;

/** Turns database refusals that the code expects into the problems clients understand. */
public final class Problems {

    private Problems() {
    }

    /**
     * The exclusion constraint and the unique indexes are the last word on double bookings; when
     * one fires (a race the code's own checks lost), the client gets a 409, never a 500.
     */
    public static Throwable translate(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg) {
                if ("23P01".equals(pg.getSqlState())) {
                    return new Conflict("slot-taken", "The mentor is already booked at that time");
                }
                if ("23505".equals(pg.getSqlState())) {
                    return new Conflict("already-booked", "You already hold a place in this session");
                }
            }
        }
        return failure;
    }
}
