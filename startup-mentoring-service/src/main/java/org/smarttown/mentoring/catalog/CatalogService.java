package org.smarttown.mentoring.catalog;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;
import org.smarttown.mentoring.catalog.CatalogDtos.AgencyRequest;
import org.smarttown.mentoring.catalog.CatalogDtos.AgencyView;
import org.smarttown.mentoring.catalog.CatalogDtos.MentorRequest;
import org.smarttown.mentoring.catalog.CatalogDtos.MentorView;
import org.smarttown.mentoring.catalog.CatalogDtos.SessionTypeRequest;
import org.smarttown.mentoring.catalog.CatalogDtos.SessionTypeView;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Agencies, their mentors and session types. Every method that names an agency is called with the
 * agency already decided by the caller's token (partners) or role (admin); an id of another agency
 * is answered as not found, so its existence is not revealed.
 */
@ApplicationScoped
public class CatalogService {

    public Uni<Agency> registerAgency(AgencyRequest request, String admin) {
        return Panache.withTransaction(() -> Agency.<Agency> findById(request.id()).chain(existing -> {
            if (existing != null) {
                throw new Conflict("agency-exists", "Agency " + request.id() + " is already registered");
            }
            Agency agency = new Agency();
            agency.id = request.id();
            agency.name = request.name();
            agency.createdAt = now();
            agency.createdBy = admin;
            return agency.<Agency> persist();
        }));
    }

    public Uni<Page<AgencyView>> agencies(PageRequest page) {
        return Panache.withSession(() -> Page.of(Agency.<Agency> findAll(Sort.by("id")), page, AgencyView::of));
    }

    public Uni<Agency> agency(String agencyId) {
        return Agency.<Agency> findById(agencyId).onItem().ifNull()
                .failWith(() -> new NotFound("Agency", agencyId));
    }

    // --- mentors ---

    public Uni<Mentor> createMentor(String agencyId, MentorRequest request) {
        return Panache.withTransaction(() -> agency(agencyId).chain(agency -> {
            Mentor mentor = new Mentor();
            mentor.id = UUID.randomUUID();
            mentor.agencyId = agencyId;
            mentor.createdAt = now();
            apply(mentor, request);
            return mentor.<Mentor> persist();
        }));
    }

    public Uni<Mentor> updateMentor(String agencyId, UUID id, MentorRequest request) {
        return Panache.withTransaction(() -> ownMentor(agencyId, id).invoke(mentor -> apply(mentor, request)));
    }

    public Uni<Mentor> replaceAvailability(String agencyId, UUID id, Availability availability) {
        return Panache.withTransaction(() -> ownMentor(agencyId, id)
                .invoke(mentor -> mentor.availability = availability));
    }

    public Uni<Mentor> mentorOfAgency(String agencyId, UUID id) {
        return Panache.withSession(() -> ownMentor(agencyId, id));
    }

    public Uni<Page<MentorView>> mentorsOfAgency(String agencyId, PageRequest page) {
        return Panache.withSession(() -> Page.of(
                Mentor.<Mentor> find("agencyId", Sort.by("name").and("id"), agencyId), page, MentorView::of));
    }

    /** What founders browse: active mentors, optionally of one agency and with one expertise tag. */
    public Uni<Page<MentorView>> searchMentors(String expertise, String agencyId, PageRequest page) {
        StringBuilder where = new StringBuilder("active = true");
        Parameters params = new Parameters();
        if (expertise != null && !expertise.isBlank()) {
            where.append(" and expertise like :tag");
            params.and("tag", "%," + expertise.trim().toLowerCase().replace("%", "").replace("_", "") + ",%");
        }
        if (agencyId != null && !agencyId.isBlank()) {
            where.append(" and agencyId = :agency");
            params.and("agency", agencyId);
        }
        PanacheQuery<Mentor> query = Mentor.find(where.toString(), Sort.by("name").and("id"), params);
        return Panache.withSession(() -> Page.of(query, page, MentorView::of));
    }

    public Uni<Mentor> activeMentor(UUID id) {
        return Mentor.<Mentor> findById(id).map(mentor -> mentor != null && mentor.active ? mentor : null);
    }

    private Uni<Mentor> ownMentor(String agencyId, UUID id) {
        return Mentor.<Mentor> findById(id).map(mentor -> {
            if (mentor == null || !mentor.agencyId.equals(agencyId)) {
                throw new NotFound("Mentor", id);
            }
            return mentor;
        });
    }

    private static void apply(Mentor mentor, MentorRequest request) {
        mentor.name = request.name();
        mentor.email = request.email();
        mentor.bio = request.bio();
        mentor.expertise = Mentor.encodeTags(request.expertise());
        mentor.languages = Mentor.encodeTags(request.languages());
        if (request.availability() != null) {
            mentor.availability = request.availability();
        }
        mentor.active = request.active() == null || request.active();
    }

    // --- session types ---

    public Uni<SessionType> createSessionType(String agencyId, SessionTypeRequest request) {
        checkSeats(request);
        return Panache.withTransaction(() -> agency(agencyId).chain(agency -> {
            SessionType type = new SessionType();
            type.id = UUID.randomUUID();
            type.agencyId = agencyId;
            type.createdAt = now();
            apply(type, request);
            return type.<SessionType> persist();
        }));
    }

    public Uni<SessionType> updateSessionType(String agencyId, UUID id, SessionTypeRequest request) {
        checkSeats(request);
        return Panache.withTransaction(() -> ownSessionType(agencyId, id).invoke(type -> {
            if (type.kind != request.kind()) {
                throw new Invalid("kind", "cannot change once created; create a new session type");
            }
            apply(type, request);
        }));
    }

    public Uni<SessionType> sessionTypeOfAgency(String agencyId, UUID id) {
        return Panache.withSession(() -> ownSessionType(agencyId, id));
    }

    public Uni<Page<SessionTypeView>> sessionTypesOfAgency(String agencyId, boolean activeOnly, PageRequest page) {
        String where = activeOnly ? "agencyId = ?1 and active = true" : "agencyId = ?1";
        return Panache.withSession(() -> Page.of(
                SessionType.<SessionType> find(where, Sort.by("name").and("id"), agencyId), page, SessionTypeView::of));
    }

    private Uni<SessionType> ownSessionType(String agencyId, UUID id) {
        return SessionType.<SessionType> findById(id).map(type -> {
            if (type == null || !type.agencyId.equals(agencyId)) {
                throw new NotFound("Session type", id);
            }
            return type;
        });
    }

    private static void checkSeats(SessionTypeRequest request) {
        int seats = request.seats() == null ? 1 : request.seats();
        if (seats > 1 && request.kind() != SessionKind.TECH_EXCHANGE) {
            throw new Invalid("seats", "only a TECH_EXCHANGE is a group session with more than one seat");
        }
    }

    private static void apply(SessionType type, SessionTypeRequest request) {
        type.kind = request.kind();
        type.name = request.name();
        type.durationMinutes = request.durationMinutes();
        type.bufferBeforeMinutes = request.bufferBeforeMinutes();
        type.bufferAfterMinutes = request.bufferAfterMinutes();
        type.minBookingNoticeMinutes = request.minBookingNoticeMinutes();
        type.minChangeNoticeMinutes = request.minChangeNoticeMinutes();
        type.maxPerDayPerMentor = request.maxPerDayPerMentor();
        type.maxPerWeekPerMentor = request.maxPerWeekPerMentor();
        type.maxPerDayPerFounder = request.maxPerDayPerFounder();
        type.maxPerWeekPerFounder = request.maxPerWeekPerFounder();
        type.requiresConfirmation = request.requiresConfirmation();
        type.seats = request.seats() == null ? 1 : request.seats();
        type.active = request.active() == null || request.active();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
