package org.smarttown.resident.resident;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.smarttown.resident.duplicate.DuplicateService;
import org.smarttown.resident.risk.RiskAssessment;
import org.smarttown.resident.risk.RiskService;
import org.smarttown.resident.rrn.Rrn;
import org.smarttown.resident.rrn.RrnProtector;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResidentService {

    private final Outbox outbox;
    private final RrnProtector rrns;
    private final AccessLog accessLog;
    private final DuplicateService duplicates;
    private final RiskService risk;

    public ResidentService(Outbox outbox, RrnProtector rrns, AccessLog accessLog, DuplicateService duplicates,
            RiskService risk) {
        this.risk = risk;
        this.outbox = outbox;
        this.rrns = rrns;
        this.accessLog = accessLog;
        this.duplicates = duplicates;
    }

    /** Stores the resident and its ResidentRegistered event in one transaction. */
    @WithTransaction
    public Uni<Resident> register(ResidentRequest request, Caller caller) {
        return register(request, caller, null);
    }

    /** As {@link #register(ResidentRequest, Caller)}, for an imported row: 409 already-imported if its key is known. */
    @WithTransaction
    public Uni<Resident> register(ResidentRequest request, Caller caller, String importKey) {
        checkCategoryDetails(request.categories(), request.benefitTypes(), request.conditions());
        Rrn rrn = request.rrn() == null || request.rrn().isBlank() ? null
                : Rrn.parse(request.rrn(), request.birthDate(), request.sex());
        OffsetDateTime now = now();
        Resident resident = new Resident();
        resident.id = UUID.randomUUID();
        if (rrn != null) {
            resident.rrnCipher = rrns.encrypt(rrn, resident.id);
            resident.rrnKeyId = rrns.activeKeyId();
            resident.rrnHash = rrns.hash(rrn);
            resident.rrnMasked = rrn.masked();
        }
        resident.name = request.name().strip();
        resident.birthDate = request.birthDate();
        resident.sex = request.sex();
        resident.phone(request.phone());
        setAddress(resident, request.address());
        setLocation(resident, request.location());
        resident.categories(request.categories());
        resident.benefitTypes(request.benefitTypes());
        resident.conditions = strip(request.conditions());
        resident.emergencyContacts = request.emergencyContacts() == null ? List.of() : List.copyOf(request.emergencyContacts());
        resident.assignedCareWorker = blankToNull(request.assignedCareWorker());
        resident.haengbokeumId = request.haengbokeumId();
        List<ResidentEvents.ConsentChanged> consentChanges = applyConsents(resident, request.consents(), caller, now);
        resident.status = Resident.Status.ACTIVE;
        resident.createdAt = now;
        resident.createdBy = caller.name();
        ResidentStatusChange first = statusChange(resident, "registered", caller, now);
        // A first consent is part of the registration, not a change: ConsentChanged is for later ones.
        consentChanges.clear();
        resident.importKey = importKey;
        Uni<Void> imported = importKey == null ? Uni.createFrom().voidItem()
                : Resident.count("importKey", importKey).invoke(count -> {
                    if (count > 0) {
                        throw new Conflict("already-imported", "This row was imported before");
                    }
                }).replaceWithVoid();
        Uni<Void> unique = resident.rrnHash == null ? imported : imported.chain(() -> Resident.<Resident> find("rrnHash", resident.rrnHash).firstResult().invoke(existing -> {
                    if (existing != null) {
                        throw new Conflict("duplicate-rrn",
                                "Resident " + existing.id + " already has this registration number");
                    }
                }).replaceWithVoid());
        return unique
                .chain(() -> risk.refresh(resident))
                .chain(() -> resident.<Resident> persist())
                .call(first::persist)
                .call(() -> duplicates.flag(resident))
                .call(() -> accessLog.record(caller, AccessLog.CREATE, resident.id, null,
                        accessLog.changes(java.util.Map.of(), ResidentView.of(resident))))
                .call(() -> outbox.publish(ResidentEvents.ADDRESS, ResidentEvents.REGISTERED, ResidentEvents.VERSION,
                        ResidentEvents.Snapshot.of(resident)));
    }

    /** The registration number in clear, for staff with a reason; the reveal is logged first. */
    @WithTransaction
    public Uni<RrnReveal> revealRrn(UUID id, String reason, Caller caller) {
        return find(id, caller).chain(resident -> {
            if (resident.rrnCipher == null) {
                throw new NotFound("Registration number of resident", id);
            }
            String rrn = rrns.decrypt(resident.rrnCipher, resident.id);
            return accessLog.record(caller, AccessLog.RRN_REVEAL, id, reason.strip())
                    .map(ignored -> new RrnReveal(id, rrn, now()));
        });
    }

    /** One resident, as the caller may see it: care workers only their own (others look absent). The read is logged. */
    @WithTransaction
    public Uni<ResidentView> view(UUID id, Caller caller, String purpose) {
        return find(id, caller)
                .call(resident -> accessLog.record(caller, AccessLog.READ, id, purpose))
                .chain(resident -> ResidentStatusChange
                        .<ResidentStatusChange> list("residentId = ?1 order by changedAt, id", id)
                        .map(history -> ResidentView.of(resident, history)));
    }

    /** Applies a partial update; publishes ConsentChanged per changed consent and ResidentUpdated if anything changed. */
    @WithTransaction
    public Uni<ResidentView> update(UUID id, ResidentPatch patch, Caller caller) {
        return find(id, caller).chain(resident -> {
            if (resident.status != Resident.Status.ACTIVE) {
                throw new Conflict("resident-inactive", "Resident " + id + " is " + resident.status + " and can no longer be changed");
            }
            Set<Category> categories = patch.categories() != null ? patch.categories() : resident.categories();
            Set<BenefitType> benefits = patch.benefitTypes() != null ? patch.benefitTypes() : resident.benefitTypes();
            List<String> conditions = patch.conditions() != null ? patch.conditions() : resident.conditions;
            checkCategoryDetails(categories, benefits, conditions);
            ResidentView before = ResidentView.of(resident);
            OffsetDateTime now = now();
            if (patch.name() != null) {
                resident.name = patch.name().strip();
            }
            if (patch.phone() != null) {
                resident.phone(patch.phone());
            }
            if (patch.address() != null) {
                setAddress(resident, patch.address());
            }
            if (patch.location() != null) {
                setLocation(resident, patch.location());
            }
            resident.categories(categories);
            resident.benefitTypes(benefits);
            resident.conditions = strip(conditions);
            if (patch.emergencyContacts() != null) {
                resident.emergencyContacts = List.copyOf(patch.emergencyContacts());
            }
            if (patch.assignedCareWorker() != null) {
                resident.assignedCareWorker = blankToNull(patch.assignedCareWorker());
            }
            if (patch.haengbokeumId() != null) {
                resident.haengbokeumId = patch.haengbokeumId();
            }
            List<ResidentEvents.ConsentChanged> consentChanges = applyConsents(resident, patch.consents(), caller, now);
            ResidentView after = ResidentView.of(resident);
            if (sameContent(before, after)) {
                return Uni.createFrom().item(after);
            }
            resident.updatedAt = now;
            resident.updatedBy = caller.name();
            Uni<Void> events = accessLog.record(caller, AccessLog.UPDATE, id, null, accessLog.changes(before, after))
                    .call(() -> risk.refresh(resident));
            for (ResidentEvents.ConsentChanged change : consentChanges) {
                events = events.call(() -> outbox.publish(ResidentEvents.ADDRESS, ResidentEvents.CONSENT_CHANGED,
                        ResidentEvents.VERSION, change));
            }
            return events
                    .call(() -> outbox.publish(ResidentEvents.ADDRESS, ResidentEvents.UPDATED, ResidentEvents.VERSION,
                            ResidentEvents.Snapshot.of(resident)))
                    .call(() -> Panache.flush())
                    .map(ignored -> ResidentView.of(resident));
        });
    }

    /** Ends care with a reason, keeping the history; a resident is deactivated once. */
    @WithTransaction
    public Uni<ResidentView> deactivate(UUID id, DeactivationRequest request, Caller caller) {
        if (request.status() == Resident.Status.ACTIVE || request.status() == Resident.Status.MERGED) {
            throw new Invalid("status", "must be MOVED_OUT or DECEASED");
        }
        return find(id, caller).chain(resident -> {
            if (resident.status != Resident.Status.ACTIVE) {
                throw new Conflict("resident-inactive", "Resident " + id + " is already " + resident.status);
            }
            OffsetDateTime now = now();
            resident.status = request.status();
            resident.updatedAt = now;
            resident.updatedBy = caller.name();
            ResidentStatusChange change = statusChange(resident, request.reason().strip(), caller, now);
            return change.persist()
                    .call(() -> accessLog.record(caller, AccessLog.DEACTIVATE, id, change.reason,
                            accessLog.changes(java.util.Map.of("status", Resident.Status.ACTIVE),
                                    java.util.Map.of("status", resident.status))))
                    .call(() -> outbox.publish(ResidentEvents.ADDRESS, ResidentEvents.DEACTIVATED, ResidentEvents.VERSION,
                            ResidentEvents.Deactivated.of(resident)))
                    .chain(() -> ResidentStatusChange
                            .<ResidentStatusChange> list("residentId = ?1 order by changedAt, id", id))
                    .call(() -> Panache.flush())
                    .map(history -> ResidentView.of(resident, history));
        });
    }

    /** A search is logged with its filters: it shows records too. */
    @WithTransaction
    public Uni<Page<ResidentView>> search(ResidentSearch search, PageRequest page, Caller caller) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (search.q != null && !search.q.isBlank()) {
            where.append(" and (lower(name) like :q or phone like :q)");
            params.put("q", "%" + search.q.strip().toLowerCase() + "%");
        }
        if (search.dong != null && !search.dong.isBlank()) {
            where.append(" and dong = :dong");
            params.put("dong", search.dong.strip());
        }
        if (search.complex != null && !search.complex.isBlank()) {
            where.append(" and complex = :complex");
            params.put("complex", search.complex.strip());
        }
        if (search.category != null && !search.category.isBlank()) {
            Category category;
            try {
                category = Category.valueOf(search.category.strip());
            } catch (IllegalArgumentException e) {
                throw new Invalid("category", "must be one of " + EnumSet.allOf(Category.class));
            }
            where.append(" and categoryCodes like :category");
            params.put("category", "%," + category.name() + ",%");
        }
        if (search.status != null) {
            where.append(" and status = :status");
            params.put("status", Resident.Status.valueOf(search.status));
        }
        if (search.minRisk != null) {
            int minRisk = Integer.parseInt(search.minRisk);
            if (minRisk > 100) {
                throw new Invalid("minRisk", "must be a whole number from 0 to 100");
            }
            where.append(" and riskScore >= :minRisk");
            params.put("minRisk", minRisk);
        }
        if (caller.limitedToOwnResidents()) {
            where.append(" and assignedCareWorker = :me");
            params.put("me", caller.name());
        }
        boolean descending = search.sort.startsWith("-");
        String field = descending ? search.sort.substring(1) : search.sort;
        Sort sort = Sort.by(field, descending ? Sort.Direction.Descending : Sort.Direction.Ascending).and("id");
        String filters = "q=" + blankToNull(search.q) + " dong=" + blankToNull(search.dong) + " complex="
                + blankToNull(search.complex) + " category=" + blankToNull(search.category) + " status=" + search.status
                + " minRisk=" + search.minRisk + " sort=" + search.sort + " page=" + page.page;
        return accessLog.record(caller, AccessLog.SEARCH, null, filters)
                .chain(() -> Page.of(Resident.<Resident> find(where.toString(), sort, params), page, ResidentView::of));
    }

    /** The risk score of one resident, explained signal by signal; the read is logged. */
    @WithTransaction
    public Uni<RiskAssessment> risk(UUID id, Caller caller) {
        return find(id, caller)
                .call(resident -> accessLog.record(caller, AccessLog.READ, id, "risk assessment"))
                .chain(risk::assess);
    }

    Uni<Resident> find(UUID id, Caller caller) {
        return Resident.<Resident> findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("Resident", id))
                .invoke(resident -> {
                    if (caller.limitedToOwnResidents() && !caller.name().equals(resident.assignedCareWorker)) {
                        // Someone else's resident looks absent, so ids cannot be probed.
                        throw new NotFound("Resident", id);
                    }
                });
    }

    /** Records the requested consents; returns those whose state changed (with their new version). */
    private static List<ResidentEvents.ConsentChanged> applyConsents(Resident resident, List<ResidentRequest.Consent> requested,
            Caller caller, OffsetDateTime now) {
        List<ResidentEvents.ConsentChanged> changes = new ArrayList<>();
        if (requested == null) {
            return changes;
        }
        Set<Purpose> seen = new HashSet<>();
        for (ResidentRequest.Consent c : requested) {
            if (!seen.add(c.purpose())) {
                throw new Invalid("consents", "names " + c.purpose() + " more than once");
            }
        }
        List<ConsentState> states = new ArrayList<>(resident.consents);
        for (ResidentRequest.Consent c : requested) {
            ConsentState current = states.stream().filter(s -> s.purpose() == c.purpose()).findFirst().orElse(null);
            if (current != null && current.given() == c.given()) {
                continue;
            }
            int version = current == null ? 1 : current.version() + 1;
            ConsentState next = new ConsentState(c.purpose(), c.given(), version, now, caller.name());
            if (current != null) {
                states.set(states.indexOf(current), next);
            } else {
                states.add(next);
            }
            changes.add(new ResidentEvents.ConsentChanged(resident.id, c.purpose(), c.given(), version));
        }
        resident.consents = List.copyOf(states);
        resident.careConsent = resident.consentsTo(Purpose.CARE_SERVICES);
        return changes;
    }

    private static void checkCategoryDetails(Set<Category> categories, Set<BenefitType> benefits, List<String> conditions) {
        Set<Category> given = categories == null ? Set.of() : categories;
        if (benefits != null && !benefits.isEmpty() && !given.contains(Category.BASIC_LIVELIHOOD)) {
            throw new Invalid("benefitTypes", "are only for residents in category BASIC_LIVELIHOOD");
        }
        if (conditions != null && !conditions.isEmpty() && !given.contains(Category.CHRONIC_ILLNESS)) {
            throw new Invalid("conditions", "are only for residents in category CHRONIC_ILLNESS");
        }
    }

    private static boolean sameContent(ResidentView before, ResidentView after) {
        return before.equals(after);
    }

    private static ResidentStatusChange statusChange(Resident resident, String reason, Caller caller, OffsetDateTime now) {
        ResidentStatusChange change = new ResidentStatusChange();
        change.id = UUID.randomUUID();
        change.residentId = resident.id;
        change.status = resident.status;
        change.reason = reason;
        change.changedAt = now;
        change.changedBy = caller.name();
        return change;
    }

    private static void setAddress(Resident resident, ResidentRequest.Address address) {
        resident.dong = address.dong().strip();
        resident.complex = address.complex().strip();
        resident.building = blankToNull(address.building());
        resident.unit = blankToNull(address.unit());
    }

    private static void setLocation(Resident resident, ResidentRequest.Location location) {
        resident.lat = location == null ? null : location.lat();
        resident.lon = location == null ? null : location.lon();
    }

    private static List<String> strip(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static OffsetDateTime now() {
        // Microseconds: what PostgreSQL keeps, so a value read back equals the one written.
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
