package org.smarttown.resident.duplicate;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.resident.access.AccessLog;
import org.smarttown.resident.common.Caller;
import org.smarttown.resident.resident.Category;
import org.smarttown.resident.resident.Resident;
import org.smarttown.resident.resident.ResidentEvents;
import org.smarttown.resident.resident.ResidentStatusChange;
import org.smarttown.resident.rrn.RrnProtector;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Finds residents who may be registered twice (same phone digits, or same name and birth date; an
 * identical RRN is refused outright) and lets staff resolve each suspicion.
 */
@ApplicationScoped
public class DuplicateService {

    /** Enough for staff to judge; a phone shared by a whole building should not flood the queue. */
    private static final int MAX_SUSPECTS_PER_REGISTRATION = 10;

    private final Outbox outbox;
    private final AccessLog accessLog;
    private final RrnProtector rrns;

    public DuplicateService(Outbox outbox, AccessLog accessLog, RrnProtector rrns) {
        this.outbox = outbox;
        this.accessLog = accessLog;
        this.rrns = rrns;
    }

    /** Inside the registration's transaction: queues a suspicion for each look-alike. */
    public Uni<List<DuplicateSuspect>> flag(Resident resident) {
        return flagAll(List.of(resident));
    }

    /**
     * For residents registered together (an import batch), in their order: each gets a suspicion
     * for every active look-alike registered before it, in the database or earlier in the list,
     * oldest first and at most {@value #MAX_SUSPECTS_PER_REGISTRATION}. One query for the whole list;
     * the list's residents need not be stored yet. Call inside the registration's transaction.
     */
    public Uni<List<DuplicateSuspect>> flagAll(List<Resident> newcomers) {
        if (newcomers.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<UUID> ids = newcomers.stream().map(r -> r.id).toList();
        List<String> phones = newcomers.stream().map(r -> r.phoneDigits).filter(p -> p != null && !p.isEmpty())
                .distinct().toList();
        List<String> nameDates = newcomers.stream().map(DuplicateService::nameDate).distinct().toList();
        return Resident.<Resident> find("id not in ?1 and status = ?2 and (phoneDigits in ?3 "
                + "or concat(lower(name), '|', str(birthDate)) in ?4)", Sort.by("createdAt").and("id"), ids,
                Resident.Status.ACTIVE, phones.isEmpty() ? List.of("-") : phones, nameDates).list()
                .chain(existing -> {
                    List<DuplicateSuspect> suspects = new ArrayList<>();
                    List<Resident> before = new ArrayList<>(existing);
                    for (Resident resident : newcomers) {
                        before.stream().filter(other -> !reasons(resident, other).isEmpty())
                                .limit(MAX_SUSPECTS_PER_REGISTRATION)
                                .forEach(other -> suspects.add(suspect(resident, other)));
                        before.add(resident);
                    }
                    return suspects.isEmpty() ? Uni.createFrom().item(suspects)
                            : DuplicateSuspect.persist(suspects).replaceWith(suspects);
                });
    }

    private static String nameDate(Resident resident) {
        return resident.name.toLowerCase() + "|" + resident.birthDate;
    }

    private static List<String> reasons(Resident resident, Resident other) {
        List<String> reasons = new ArrayList<>();
        if (resident.phoneDigits != null && !resident.phoneDigits.isEmpty() && resident.phoneDigits.equals(other.phoneDigits)) {
            reasons.add("PHONE");
        }
        if (other.name.equalsIgnoreCase(resident.name) && other.birthDate.equals(resident.birthDate)) {
            reasons.add("NAME_AND_BIRTH_DATE");
        }
        return reasons;
    }

    private static DuplicateSuspect suspect(Resident resident, Resident other) {
        DuplicateSuspect suspect = new DuplicateSuspect();
        suspect.id = UUID.randomUUID();
        suspect.residentId = resident.id;
        suspect.otherId = other.id;
        suspect.reason = String.join("+", reasons(resident, other));
        suspect.status = DuplicateSuspect.Status.OPEN;
        suspect.createdAt = now();
        return suspect;
    }

    @WithSession
    public Uni<Page<DuplicateView>> list(String status, UUID residentId, PageRequest page) {
        DuplicateSuspect.Status wanted;
        try {
            wanted = status == null || status.isBlank() ? DuplicateSuspect.Status.OPEN : DuplicateSuspect.Status.valueOf(status.strip());
        } catch (IllegalArgumentException e) {
            throw new Invalid("status", "must be one of " + EnumSet.allOf(DuplicateSuspect.Status.class));
        }
        String where = residentId == null ? "status = :status" : "status = :status and (residentId = :id or otherId = :id)";
        Map<String, Object> params = new java.util.HashMap<>(Map.of("status", wanted));
        if (residentId != null) {
            params.put("id", residentId);
        }
        return DuplicateSuspect.<DuplicateSuspect> find(where, Sort.by("createdAt").and("id"), params)
                .page(page.page, page.size).list()
                .chain(suspects -> DuplicateSuspect.count(where, params).chain(total -> views(suspects)
                        .map(views -> new Page<>(views, page.page, page.size, total,
                                (int) ((total + page.size - 1) / page.size)))));
    }

    /** Resolves a suspicion: NOT_DUPLICATE closes it; MERGE folds one record into the kept one. */
    @WithTransaction
    public Uni<DuplicateView> resolve(UUID id, ResolutionRequest request, Caller caller) {
        return DuplicateSuspect.<DuplicateSuspect> findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("Duplicate suspicion", id))
                .chain(suspect -> {
                    if (suspect.status != DuplicateSuspect.Status.OPEN) {
                        throw new Conflict("duplicate-resolved", "Duplicate suspicion " + id + " is already resolved");
                    }
                    suspect.status = DuplicateSuspect.Status.RESOLVED;
                    suspect.resolution = request.resolution();
                    suspect.note = request.note() == null ? null : request.note().strip();
                    suspect.resolvedAt = now();
                    suspect.resolvedBy = caller.name();
                    if (request.resolution() == DuplicateSuspect.Resolution.NOT_DUPLICATE) {
                        return views(List.of(suspect)).map(list -> list.get(0));
                    }
                    if (request.keep() == null
                            || !(request.keep().equals(suspect.residentId) || request.keep().equals(suspect.otherId))) {
                        throw new Invalid("keep", "must be one of the two residents of the suspicion");
                    }
                    suspect.keptId = request.keep();
                    UUID goneId = request.keep().equals(suspect.residentId) ? suspect.otherId : suspect.residentId;
                    return merge(request.keep(), goneId, suspect.note, caller)
                            .chain(() -> views(List.of(suspect))).map(list -> list.get(0));
                });
    }

    private Uni<Void> merge(UUID keptId, UUID goneId, String note, Caller caller) {
        return Resident.<Resident> findById(keptId).chain(kept -> Resident.<Resident> findById(goneId).chain(gone -> {
            if (kept.status != Resident.Status.ACTIVE || gone.status != Resident.Status.ACTIVE) {
                throw new Conflict("resident-inactive", "Only two active residents can be merged");
            }
            OffsetDateTime now = now();
            // The kept record takes what it lacks; nothing it already holds is overwritten.
            var categories = EnumSet.noneOf(Category.class);
            categories.addAll(kept.categories());
            categories.addAll(gone.categories());
            kept.categories(categories);
            if (kept.phone == null) {
                kept.phone(gone.phone);
            }
            if (kept.lat == null) {
                kept.lat = gone.lat;
                kept.lon = gone.lon;
            }
            if (kept.emergencyContacts.isEmpty()) {
                kept.emergencyContacts = gone.emergencyContacts;
            }
            if (kept.assignedCareWorker == null) {
                kept.assignedCareWorker = gone.assignedCareWorker;
            }
            if (kept.haengbokeumId == null) {
                kept.haengbokeumId = gone.haengbokeumId;
            }
            String movedRrn = kept.rrnCipher == null && gone.rrnCipher != null ? rrns.decrypt(gone.rrnCipher, gone.id) : null;
            String goneHash = gone.rrnHash;
            if (movedRrn != null) {
                gone.rrnCipher = null;
                gone.rrnHash = null;
                gone.rrnKeyId = null;
            }
            gone.status = Resident.Status.MERGED;
            gone.mergedInto = kept.id;
            gone.updatedAt = now;
            gone.updatedBy = caller.name();
            kept.updatedAt = now;
            kept.updatedBy = caller.name();
            String reason = "merged into " + kept.id + (note == null ? "" : ": " + note);
            return history(gone, Resident.Status.MERGED, reason, caller, now).persist()
                    .call(() -> history(kept, Resident.Status.ACTIVE, "absorbed duplicate " + gone.id, caller, now).persist())
                    // The hash is unique: free it on the merged record before the kept one takes it.
                    .call(Panache::flush)
                    .invoke(() -> {
                        if (movedRrn != null) {
                            kept.rrnCipher = rrns.encrypt(org.smarttown.resident.rrn.Rrn.parse(movedRrn, null, null), kept.id);
                            kept.rrnKeyId = rrns.activeKeyId();
                            kept.rrnHash = goneHash;
                            kept.rrnMasked = gone.rrnMasked;
                        }
                    })
                    .call(() -> accessLog.record(caller, AccessLog.MERGE, gone.id, reason,
                            accessLog.changes(Map.of("status", Resident.Status.ACTIVE),
                                    Map.of("status", Resident.Status.MERGED, "mergedInto", kept.id))))
                    .call(() -> accessLog.record(caller, AccessLog.MERGE, kept.id, "absorbed duplicate " + gone.id))
                    .call(() -> outbox.publish(ResidentEvents.ADDRESS, ResidentEvents.DEACTIVATED, ResidentEvents.VERSION,
                            ResidentEvents.Deactivated.of(gone)))
                    .call(() -> outbox.publish(ResidentEvents.ADDRESS, ResidentEvents.UPDATED, ResidentEvents.VERSION,
                            ResidentEvents.Snapshot.of(kept)))
                    .replaceWithVoid();
        }));
    }

    private static ResidentStatusChange history(Resident resident, Resident.Status status, String reason, Caller caller,
            OffsetDateTime now) {
        ResidentStatusChange change = new ResidentStatusChange();
        change.id = UUID.randomUUID();
        change.residentId = resident.id;
        change.status = status;
        change.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        change.changedAt = now;
        change.changedBy = caller.name();
        return change;
    }

    private static Uni<List<DuplicateView>> views(List<DuplicateSuspect> suspects) {
        List<UUID> ids = new ArrayList<>();
        suspects.forEach(s -> {
            ids.add(s.residentId);
            ids.add(s.otherId);
        });
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Resident.<Resident> list("id in ?1", ids).map(residents -> {
            Map<UUID, Resident> byId = new java.util.HashMap<>();
            residents.forEach(r -> byId.put(r.id, r));
            return suspects.stream().map(s -> DuplicateView.of(s, byId.get(s.residentId), byId.get(s.otherId))).toList();
        });
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
