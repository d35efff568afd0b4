package org.smarttown.mentoring.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.problem.NotFound;
import org.smarttown.mentoring.booking.Attendance;
import org.smarttown.mentoring.booking.MentoringSession;
import org.smarttown.mentoring.catalog.Mentor;
import org.smarttown.mentoring.catalog.SessionType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * iCalendar for founders: one session as an .ics, and a private feed of all their sessions. Each
 * event has the mentor as organizer and the founder as attendee (other founders of a group session
 * are left out). Building the text is pure computation, so it runs on the event loop.
 */
@ApplicationScoped
public class CalendarService {

    private static final SecureRandom RANDOM = new SecureRandom();

    public Uni<String> sessionIcs(String founder, UUID sessionId) {
        return Panache.withSession(() -> Attendance.<Attendance> find("sessionId = ?1 and founder = ?2", sessionId, founder)
                .firstResult().chain(attendance -> {
                    if (attendance == null) {
                        throw new NotFound("Session", sessionId);
                    }
                    return MentoringSession.<MentoringSession> findById(sessionId);
                })
                .chain(session -> render(founder, List.of(session))));
    }

    /** Issues a new feed token (revoking the previous one) and returns it; it is shown only now. */
    public Uni<String> newFeedToken(String founder) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return Panache.withTransaction(() -> CalendarFeed.<CalendarFeed> findById(founder).chain(feed -> {
            CalendarFeed current = feed == null ? new CalendarFeed() : feed;
            current.founder = founder;
            current.tokenHash = hash(token);
            current.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            return feed == null ? current.persist() : Uni.createFrom().item(current);
        })).replaceWith(token);
    }

    /** The feed of the founder holding this token: sessions from 90 days back on, cancelled ones marked so. */
    public Uni<String> feed(String token) {
        return Panache.withSession(() -> CalendarFeed.<CalendarFeed> find("tokenHash", hash(token)).firstResult()
                .chain(feed -> {
                    if (feed == null) {
                        throw new NotFound("Calendar feed", "");
                    }
                    return MentoringSession.<MentoringSession> find(
                            "id in (select a.sessionId from Attendance a where a.founder = ?1 and a.status <> ?2) "
                                    + "and startAt >= ?3 order by startAt",
                            feed.founder, Attendance.Place.CANCELLED, OffsetDateTime.now(ZoneOffset.UTC).minusDays(90))
                            .list().chain(sessions -> render(feed.founder, sessions));
                }));
    }

    private Uni<String> render(String founder, List<MentoringSession> sessions) {
        if (sessions.isEmpty()) {
            return Uni.createFrom().item(() -> write(founder, sessions, Map.of(), Map.of()));
        }
        List<UUID> mentorIds = sessions.stream().map(s -> s.mentorId).distinct().toList();
        List<UUID> typeIds = sessions.stream().map(s -> s.sessionTypeId).distinct().toList();
        return Mentor.<Mentor> list("id in ?1", mentorIds)
                .chain(mentors -> SessionType.<SessionType> list("id in ?1", typeIds)
                        .map(types -> write(founder, sessions,
                                mentors.stream().collect(Collectors.toMap(m -> m.id, Function.identity())),
                                types.stream().collect(Collectors.toMap(t -> t.id, Function.identity())))));
    }

    private static String write(String founder, List<MentoringSession> sessions, Map<UUID, Mentor> mentors,
            Map<UUID, SessionType> types) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//SmartTown//Mentoring//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (MentoringSession session : sessions) {
            Mentor mentor = mentors.get(session.mentorId);
            SessionType type = types.get(session.sessionTypeId);
            VEvent event = new VEvent(session.startAt.toInstant(), session.endAt.toInstant(),
                    type.name + " with " + mentor.name);
            event.add(new Uid(session.id + "@smarttown"));
            event.add(new Status(switch (session.status) {
                case REQUESTED -> Status.VALUE_TENTATIVE;
                case CONFIRMED, COMPLETED, NO_SHOW_GUEST, NO_SHOW_HOST -> Status.VALUE_CONFIRMED;
                default -> Status.VALUE_CANCELLED;
            }));
            Organizer organizer = new Organizer(mentor.email == null
                    ? URI.create("urn:smarttown:agency:" + session.agencyId)
                    : URI.create("mailto:" + mentor.email));
            organizer.add(new Cn(mentor.name));
            event.add(organizer);
            Attendee attendee = new Attendee(URI.create("urn:smarttown:founder:"
                    + URLish.encode(founder)));
            attendee.add(new Cn(founder));
            event.add(attendee);
            calendar.add(event);
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("Calendar cannot be written", e);
        }
        return out.toString();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a login usable inside a URN. */
    private static final class URLish {
        static String encode(String text) {
            return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
