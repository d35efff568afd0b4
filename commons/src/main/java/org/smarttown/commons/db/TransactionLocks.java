package org.smarttown.commons.db;

import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * PostgreSQL advisory locks held until the current transaction ends.
 *
 * <p>
 * Two transactions inserting conflicting rows under an exclusion constraint each wait for the
 * other's uncommitted row, and PostgreSQL breaks that deadlock by failing one of them (40P01)
 * rather than reporting the conflict (23P01). Taking a lock on the contended thing first (a
 * resident, a space) makes the second writer wait for the first to commit and then see its row.
 */
public final class TransactionLocks {

    private TransactionLocks() {
    }

    /**
     * Waits for, then holds until commit or rollback, the lock on {@code id} within {@code space}
     * (a constant per kind of thing locked). Two ids sharing a hash only wait for each other.
     */
    public static Uni<Void> lock(int space, UUID id) {
        return lock(space, id.hashCode());
    }

    /** As {@link #lock(int, UUID)}, for things known by name (a room). */
    public static Uni<Void> lock(int space, String name) {
        return lock(space, name.hashCode());
    }

    private static Uni<Void> lock(int space, int key) {
        // Run as an "update" on purpose: as a native select, every lock would add a query plan that
        // never matches again (see package-info). Nothing is read from the answer.
        return Panache.getSession().chain(session -> session
                .createNativeQuery("select 1 from pg_advisory_xact_lock(?1, ?2)")
                .setParameter(1, space)
                .setParameter(2, key)
                .executeUpdate())
                .replaceWithVoid();
    }
}
