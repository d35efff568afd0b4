package org.smarttown.resident.rrn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.problem.Conflict;
import org.smarttown.resident.access.AccessLog;
import org.smarttown.resident.common.Caller;
import org.smarttown.resident.resident.Resident;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Re-encrypts stored registration numbers under the active key after a rotation. Work is done in
 * batches, each its own transaction, so a run that stops (or hits its limit) has kept what it did
 * and the next run goes on from there; a number already under the active key is never touched, so
 * running it again changes nothing. Each row is rewritten only if it still holds the ciphertext
 * that was read (a concurrent run or merge wins, this one skips the row). The resident's version
 * and update time stay: the number itself did not change.
 */
@ApplicationScoped
public class RrnKeyService {

    static final int BATCH = 100;
    public static final int MAX_LIMIT = 5000;

    /** How many stored numbers each key protects, and what a run did. */
    public record KeyStatus(String activeKey, Map<String, Long> residentsByKey, long remaining, Integer reencrypted) {
    }

    private final RrnProtector rrns;
    private final AccessLog accessLog;

    public RrnKeyService(RrnProtector rrns, AccessLog accessLog) {
        this.rrns = rrns;
        this.accessLog = accessLog;
    }

    public Uni<KeyStatus> status() {
        return Panache.withSession(() -> status(null));
    }

    /** Re-encrypts up to {@code limit} numbers that are not under the active key. */
    public Uni<KeyStatus> reencrypt(int limit, Caller caller) {
        return batches(limit, 0).chain(done -> Panache.withTransaction(() -> accessLog.record(caller,
                AccessLog.RRN_REKEY, null, done + " registration numbers re-encrypted under key " + rrns.activeKeyId())
                .chain(() -> status(done))));
    }

    private Uni<Integer> batches(int left, int done) {
        if (left <= 0) {
            return Uni.createFrom().item(done);
        }
        return Panache.withTransaction(() -> Resident.<Resident> find(
                "rrnCipher is not null and (rrnKeyId is null or rrnKeyId <> ?1) order by id", rrns.activeKeyId())
                .page(0, Math.min(BATCH, left)).list()
                .chain(this::rewrite))
                .chain(count -> count == 0 ? Uni.createFrom().item(done) : batches(left - count, done + count));
    }

    /** Rewrites a batch; answers how many rows were read (rows another run changed meanwhile count too). */
    private Uni<Integer> rewrite(List<Resident> batch) {
        Uni<Void> all = Uni.createFrom().voidItem();
        for (Resident resident : batch) {
            UUID id = resident.id;
            String old = resident.rrnCipher;
            String sealed;
            try {
                sealed = rrns.reencrypt(old, id);
            } catch (IllegalStateException e) {
                // A key retired too early: say which, and keep what earlier batches did.
                return Uni.createFrom().failure(new Conflict("rrn-key-missing", e.getMessage()
                        + "; put its key back under smarttown.rrn.keys and run again"));
            }
            all = all.chain(() -> Panache.getSession().chain(session -> session.createMutationQuery(
                    "update Resident set rrnCipher = :sealed, rrnKeyId = :key where id = :id and rrnCipher = :old")
                    .setParameter("sealed", sealed).setParameter("key", rrns.activeKeyId())
                    .setParameter("id", id).setParameter("old", old).executeUpdate())).replaceWithVoid();
        }
        return all.replaceWith(batch.size());
    }

    private Uni<KeyStatus> status(Integer reencrypted) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select coalesce(rrnKeyId, '?'), count(*) from Resident where rrnCipher is not null group by 1 order by 1",
                Object[].class).getResultList())
                .map(rows -> {
                    Map<String, Long> byKey = new LinkedHashMap<>();
                    long remaining = 0;
                    for (Object[] row : rows) {
                        byKey.put((String) row[0], (Long) row[1]);
                        if (!rrns.activeKeyId().equals(row[0])) {
                            remaining += (Long) row[1];
                        }
                    }
                    return new KeyStatus(rrns.activeKeyId(), byKey, remaining, reencrypted);
                });
    }
}
