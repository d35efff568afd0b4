package org.smarttown.resident.resident;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.commons.problem.ProblemException;
import org.smarttown.resident.access.AccessLog;
import org.smarttown.resident.common.Caller;
import org.smarttown.resident.duplicate.DuplicateService;
import org.smarttown.resident.risk.RiskAssessment;
import org.smarttown.resident.risk.RiskService;
import org.smarttown.resident.rrn.Rrn;
import org.smarttown.resident.rrn.RrnProtector;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
    private final ObjectMapper mapper;
    private final Validator validator;

    public ResidentService(Outbox outbox, RrnProtector rrns, AccessLog accessLog, DuplicateService duplicates,
            RiskService risk, ObjectMapper mapper, Validator validator) {
        this.risk = risk;
        this.mapper = mapper;
        this.validator = validator;
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
        Registration registration = prepare(request, caller, importKey, now());
        Resident resident = registration.resident();
        Uni<Void> imported = importKey == null ? Uni.createFrom().voidItem()
                : Resident.count("importKey", importKey).invoke(count -> {
                    if (count > 0) {
                        throw alreadyImported();
                    }
                }).replaceWithVoid();
        Uni<Void> unique = resident.rrnHash == null ? imported : imported.chain(() -> Resident.<Resident> find("rrnHash", resident.rrnHash).firstResult().invoke(existing -> {
                    if (existing != null) {
                        throw duplicateRrn(existing.id);
                    }
                }).replaceWithVoid());
        return unique
                .chain(() -> resident.<Resident> persist())
                .call(registration.first()::persist)
                .call(() -> duplicates.flag(resident))
                .call(() -> accessLog.record(caller, AccessLog.CREATE, resident.id, null,
                        accessLog.changes(java.util.Map.of(), ResidentView.of(resident))))
                .call(() -> published(resident));
    }

    /** One row of an import batch: the request and the row's key (see ImportService). */
    public record ImportRow(ResidentRequest request, String key) {
    }

    /**
     * Registers the rows of an import batch in one transaction, through the same rules, access log
     * lines and events as {@link #register(ResidentRequest, Caller, String)}, with a few queries for
     * the whole batch instead of several per row: the keys and RRN hashes of the batch are checked
     * in one query each (and against earlier rows of the batch), look-alikes in one, and the rows
     * are written together. Answers, per row in order, null when registered or the problem that
     * refused it (409 already-imported for a row imported before). A failure of the transaction
     * itself (e.g. a concurrent import of the same rows) fails the whole batch: the caller then
     * registers its rows one by one.
     */
    public Uni<List<ProblemException>> registerImported(List<ImportRow> rows, Caller caller) {
        return Panache.withTransaction(() -> {
            OffsetDateTime now = now();
            List<ProblemException> outcomes = new ArrayList<>();
            List<Registration> prepared = new ArrayList<>();
            for (ImportRow row : rows) {
                try {
                    prepared.add(prepare(row.request(), caller, row.key(), now));
                    outcomes.add(null);
                } catch (ProblemException problem) {
                    prepared.add(null);
                    outcomes.add(problem);
                }
            }
            List<String> keys = prepared.stream().filter(Objects::nonNull).map(r -> r.resident().importKey).toList();
            List<String> hashes = prepared.stream().filter(Objects::nonNull).map(r -> r.resident().rrnHash)
                    .filter(Objects::nonNull).toList();
            return Panache.getSession().chain(session -> session.createSelectionQuery(
                    "select importKey from Resident where importKey in :keys", String.class)
                    .setParameter("keys", keys.isEmpty() ? List.of("-") : keys).getResultList()
                    .chain(knownKeys -> session.createSelectionQuery(
                            "select rrnHash, id from Resident where rrnHash in :hashes", Object[].class)
                            .setParameter("hashes", hashes.isEmpty() ? List.of("-") : hashes).getResultList()
                            .chain(knownHashes -> {
                                Set<String> seenKeys = new HashSet<>(knownKeys);
                                Map<String, UUID> seenHashes = new HashMap<>();
                                knownHashes.forEach(row -> seenHashes.put((String) row[0], (UUID) row[1]));
                                List<Registration> accepted = new ArrayList<>();
                                for (int i = 0; i < prepared.size(); i++) {
                                    Registration registration = prepared.get(i);
                                    if (registration == null) {
                                        continue;
                                    }
                                    Resident resident = registration.resident();
                                    if (!seenKeys.add(resident.importKey)) {
                                        outcomes.set(i, alreadyImported());
                                    } else if (resident.rrnHash != null && seenHashes.containsKey(resident.rrnHash)) {
                                        outcomes.set(i, duplicateRrn(seenHashes.get(resident.rrnHash)));
                                    } else {
                                        if (resident.rrnHash != null) {
                                            seenHashes.put(resident.rrnHash, resident.id);
                                        }
                                        accepted.add(registration);
                                    }
                                }
                                return storeAll(accepted, caller);
                            })))
                    .replaceWith(outcomes);
        });
    }

    /**
     * Writes the registrations of one batch: residents, first status entries, look-alike suspicions
     * (one query for the batch), access-log lines, then the events in one statement. Nothing here
     * queries per row: each query flushes the pending inserts, so few queries keep them in JDBC
     * batches (the scores were computed without the database, see RiskService#scoreNewcomer).
     */
    private Uni<Void> storeAll(List<Registration> registrations, Caller caller) {
        List<Resident> residents = registrations.stream().map(Registration::resident).toList();
        return Panache.getSession().chain(session -> session.persistAll(residents.toArray()))
                .chain(() -> Panache.getSession().chain(session -> session.persistAll(
                        registrations.stream().map(Registration::first).toArray())))
                .chain(() -> duplicates.flagAll(residents))
                .chain(() -> accessLog.recordAll(residents.stream().map(resident -> accessLog.entry(caller,
                        AccessLog.CREATE, resident.id, null, accessLog.changes(java.util.Map.of(), ResidentView.of(resident))))
                        .toList()))
                .chain(() -> outbox.publishAll(ResidentEvents.ADDRESS, ResidentEvents.REGISTERED, ResidentEvents.VERSION,
                        residents.stream().map(ResidentEvents.Snapshot::of).toList()))
                .replaceWithVoid();
    }

    private Uni<Void> published(Resident resident) {
        return outbox.publish(ResidentEvents.ADDRESS, ResidentEvents.REGISTERED, ResidentEvents.VERSION,
                ResidentEvents.Snapshot.of(resident)).replaceWithVoid();
    }

    /** A resident built from a request, not yet stored, with the first entry of its status history. */
    private record Registration(Resident resident, ResidentStatusChange first) {
    }

    /** Everything a registration decides without the database; bad input throws a problem. */
    private Registration prepare(ResidentRequest request, Caller caller, String importKey, OffsetDateTime now) {
        checkCategoryDetails(request.categories(), request.benefitTypes(), request.conditions());
        Rrn rrn = request.rrn() == null || request.rrn().isBlank() ? null
                : Rrn.parse(request.rrn(), request.birthDate(), request.sex());
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
        // A first consent is part of the registration, not a change: ConsentChanged is for later ones.
        applyConsents(resident, request.consents(), caller, now);
        resident.status = Resident.Status.ACTIVE;
        resident.createdAt = now;
        resident.createdBy = caller.name();
        resident.importKey = importKey;
        risk.scoreNewcomer(resident);
        return new Registration(resident, statusChange(resident, "registered", caller, now));
    }

    private static Conflict alreadyImported() {
        return new Conflict("already-imported", "This row was imported before");
    }

    private static Conflict duplicateRrn(UUID existing) {
        return new Conflict("duplicate-rrn", "Resident " + existing + " already has this registration number");
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

    /** Fields a PATCH may not clear: the record needs them. */
    private static final List<String> REQUIRED = List.of("name", "address", "address.dong", "address.complex");

    /**
     * Applies a JSON merge patch (RFC 7396): absent fields stay, {@code null} clears an optional
     * field, objects (address, location) merge member by member, arrays replace whole. The result
     * is validated as a whole; publishes ConsentChanged per changed consent and ResidentUpdated if
     * anything changed.
     */
    @WithTransaction
    public Uni<ResidentView> update(UUID id, JsonNode patch, Caller caller) {
        checkMergePatch(patch);
        return find(id, caller).chain(resident -> {
            if (resident.status != Resident.Status.ACTIVE) {
                throw new Conflict("resident-inactive", "Resident " + id + " is " + resident.status + " and can no longer be changed");
            }
            ResidentPatch next = merged(resident, patch);
            checkCategoryDetails(next.categories(), next.benefitTypes(), next.conditions());
            ResidentView before = ResidentView.of(resident);
            OffsetDateTime now = now();
            resident.name = next.name().strip();
            resident.phone(next.phone());
            setAddress(resident, next.address());
            setLocation(resident, next.location());
            resident.categories(next.categories() == null ? Set.of() : next.categories());
            resident.benefitTypes(next.benefitTypes() == null ? Set.of() : next.benefitTypes());
            resident.conditions = strip(next.conditions());
            resident.emergencyContacts = next.emergencyContacts() == null ? List.of() : List.copyOf(next.emergencyContacts());
            resident.assignedCareWorker = blankToNull(next.assignedCareWorker());
            resident.haengbokeumId = next.haengbokeumId();
            List<ResidentEvents.ConsentChanged> consentChanges = applyConsents(resident, next.consents(), caller, now);
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

    /** Refuses, before anything is read, what a merge patch may never do here. */
    private static void checkMergePatch(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new Invalid("body", "must be a JSON object (a merge patch)");
        }
        for (String field : List.of("birthDate", "sex", "rrn")) {
            if (patch.has(field)) {
                throw new Invalid(field, "cannot be changed by PATCH: birth date, sex and registration number are "
                        + "checked together at registration");
            }
        }
        if (patch.has("status")) {
            throw new Invalid("status", "cannot be changed by PATCH: use POST /api/residents/{id}/deactivate");
        }
        for (String field : REQUIRED) {
            if (patch.at("/" + field.replace('.', '/')).isNull()) {
                throw new Invalid(field, "is required and cannot be cleared");
            }
        }
        for (String coordinate : List.of("lat", "lon")) {
            if (patch.at("/location/" + coordinate).isNull()) {
                throw new Invalid("location." + coordinate, "cannot be cleared alone: clear the location with \"location\": null");
            }
        }
        if (patch.has("consents") && patch.get("consents").isNull()) {
            throw new Invalid("consents", "cannot be cleared: withdraw a consent with {\"purpose\":...,\"given\":false}");
        }
    }

    /** The resident's patchable fields after the patch, validated as a whole. */
    private ResidentPatch merged(Resident resident, JsonNode patch) {
        ResidentPatch current = new ResidentPatch(resident.name, resident.phone,
                new ResidentRequest.Address(resident.dong, resident.complex, resident.building, resident.unit),
                resident.lat == null ? null : new ResidentRequest.Location(resident.lat, resident.lon),
                resident.categories(), resident.benefitTypes(), resident.conditions, resident.emergencyContacts,
                resident.assignedCareWorker, resident.haengbokeumId, null);
        ResidentPatch next;
        try {
            next = mapper.treeToValue(MergePatch.apply(mapper.valueToTree(current), patch), ResidentPatch.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(ref -> ref.getFieldName() != null ? ref.getFieldName()
                    : "[" + ref.getIndex() + "]").reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body");
            throw new Invalid(field, "has a value of the wrong type or form");
        } catch (JsonProcessingException e) {
            throw new Invalid("body", "is not a readable merge patch");
        }
        Set<ConstraintViolation<ResidentPatch>> violations = validator.validate(next);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return next;
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
