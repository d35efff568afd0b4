package org.smarttown.mentoring.booking;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.problem.Invalid;
import org.smarttown.mentoring.catalog.CatalogService;
import org.smarttown.mentoring.catalog.Mentor;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Per-agency figures: sessions by status, no-shows on each side, ratings; overall and per mentor. */
@ApplicationScoped
public class ReportService {

    public record MentorFigures(UUID mentorId, String name, Map<SessionStatus, Long> sessions, long noShowsHost,
            long noShowsGuest, long ratings, Double averageRating) {
    }

    public record AgencyReport(String agencyId, LocalDate from, LocalDate to, Map<SessionStatus, Long> sessions,
            long noShowsHost, long noShowsGuest, long ratings, Double averageRating, List<MentorFigures> mentors) {
    }

    static final int MAX_DAYS = 366;

    private final CatalogService catalog;

    public ReportService(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** Sessions starting between two Seoul dates, both inclusive. */
    public Uni<AgencyReport> report(String agencyId, LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new Invalid("to", "must be on or after from, at most " + MAX_DAYS + " days later");
        }
        var start = SlotCalculator.dayStart(from).atOffset(java.time.ZoneOffset.UTC);
        var end = SlotCalculator.dayStart(to.plusDays(1)).atOffset(java.time.ZoneOffset.UTC);
        return Panache.withSession(() -> catalog.agency(agencyId)
                .chain(agency -> Panache.getSession().chain(session -> session.createQuery(
                        "select s.mentorId, s.status, count(s) from MentoringSession s where s.agencyId = ?1 "
                                + "and s.startAt >= ?2 and s.startAt < ?3 group by s.mentorId, s.status", Object[].class)
                        .setParameter(1, agencyId).setParameter(2, start).setParameter(3, end).getResultList()
                        .chain(counts -> session.createQuery(
                                "select s.mentorId, count(a.rating), avg(a.rating) from Attendance a, MentoringSession s "
                                        + "where a.sessionId = s.id and s.agencyId = ?1 and s.startAt >= ?2 and s.startAt < ?3 "
                                        + "and a.rating is not null group by s.mentorId", Object[].class)
                                .setParameter(1, agencyId).setParameter(2, start).setParameter(3, end).getResultList()
                                .chain(ratings -> Mentor.<Mentor> list("agencyId", agencyId)
                                        .map(mentors -> build(agencyId, from, to, counts, ratings, mentors)))))));
    }

    private static AgencyReport build(String agencyId, LocalDate from, LocalDate to, List<Object[]> counts,
            List<Object[]> ratings, List<Mentor> mentors) {
        Map<UUID, Map<SessionStatus, Long>> perMentor = new LinkedHashMap<>();
        Map<SessionStatus, Long> total = new EnumMap<>(SessionStatus.class);
        for (Object[] row : counts) {
            SessionStatus status = (SessionStatus) row[1];
            long n = ((Number) row[2]).longValue();
            perMentor.computeIfAbsent((UUID) row[0], id -> new EnumMap<>(SessionStatus.class)).merge(status, n, Long::sum);
            total.merge(status, n, Long::sum);
        }
        Map<UUID, Object[]> ratingOf = new LinkedHashMap<>();
        long ratingCount = 0;
        double ratingSum = 0;
        for (Object[] row : ratings) {
            ratingOf.put((UUID) row[0], row);
            long n = ((Number) row[1]).longValue();
            ratingCount += n;
            ratingSum += n * ((Number) row[2]).doubleValue();
        }
        List<MentorFigures> figures = new ArrayList<>();
        for (Mentor mentor : mentors.stream().sorted(java.util.Comparator.comparing((Mentor m) -> m.name)).toList()) {
            Map<SessionStatus, Long> sessions = perMentor.getOrDefault(mentor.id, Map.of());
            Object[] rating = ratingOf.get(mentor.id);
            figures.add(new MentorFigures(mentor.id, mentor.name, sessions,
                    sessions.getOrDefault(SessionStatus.NO_SHOW_HOST, 0L), sessions.getOrDefault(SessionStatus.NO_SHOW_GUEST, 0L),
                    rating == null ? 0 : ((Number) rating[1]).longValue(),
                    rating == null ? null : round(((Number) rating[2]).doubleValue())));
        }
        return new AgencyReport(agencyId, from, to, total, total.getOrDefault(SessionStatus.NO_SHOW_HOST, 0L),
                total.getOrDefault(SessionStatus.NO_SHOW_GUEST, 0L), ratingCount,
                ratingCount == 0 ? null : round(ratingSum / ratingCount), figures);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
