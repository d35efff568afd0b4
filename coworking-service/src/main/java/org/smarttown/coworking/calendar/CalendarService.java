package org.smarttown.coworking.calendar;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.problem.NotFound;
import org.smarttown.coworking.booking.Booking;
import org.smarttown.coworking.booking.BookingService;
import org.smarttown.coworking.common.Caller;
import org.smarttown.coworking.space.Space;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * iCalendar for founders: one booking as an .ics (the confirmation's attachment link) and a private
 * feed of their active bookings. Building the text is pure computation, so it runs on the event loop.
 */
@ApplicationScoped
public class CalendarService {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BookingService bookings;

    public CalendarService(BookingService bookings) {
        this.bookings = bookings;
    }

    public Uni<String> bookingIcs(UUID id, Caller caller) {
        return Panache.withSession(() -> bookings.visibleBooking(id, caller).chain(booking -> render(List.of(booking))));
    }

    /** Issues a new feed token (revoking the previous one); it is shown only now. */
    public Uni<String> newFeedToken(Caller caller) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        return Panache.withTransaction(() -> CalendarFeed.<CalendarFeed> findById(caller.name()).chain(feed -> {
            CalendarFeed current = feed == null ? new CalendarFeed() : feed;
            current.username = caller.name();
            current.tokenHash = hash(token);
            current.createdAt = OffsetDateTime.now();
            return feed == null ? current.persist() : Uni.createFrom().item(current);
        })).replaceWith(token);
    }

    /** The active (confirmed or checked-in) bookings of the founder holding this token. */
    public Uni<String> feed(String token) {
        return Panache.withSession(() -> CalendarFeed.<CalendarFeed> find("tokenHash", hash(token)).firstResult()
                .chain(feed -> {
                    if (feed == null) {
                        throw new NotFound("Calendar feed", "");
                    }
                    return Booking.<Booking> list("username = ?1 and status in " + Booking.ACTIVE_LITERALS,
                            Sort.by("startAt"), feed.username).chain(this::render);
                }));
    }

    private Uni<String> render(List<Booking> list) {
        if (list.isEmpty()) {
            return Uni.createFrom().item(() -> write(list, Map.of()));
        }
        return Space.<Space> list("id in ?1", list.stream().map(b -> b.spaceId).distinct().toList())
                .map(spaces -> write(list, spaces.stream().collect(Collectors.toMap(s -> s.id, s -> s))));
    }

    private static String write(List<Booking> list, Map<UUID, Space> spaces) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//SmartTown//Coworking//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (Booking booking : list) {
            Space space = spaces.get(booking.spaceId);
            VEvent event = new VEvent(booking.startAt.toInstant(), booking.endAt.toInstant(),
                    space.name + " (" + space.code + ")");
            event.add(new Uid(booking.id + "@smarttown-coworking"));
            event.add(new Location("SmartTown shared office, floor " + space.floor + ", " + space.code));
            event.add(new Status(Booking.ACTIVE.contains(booking.status) ? Status.VALUE_CONFIRMED : Status.VALUE_CANCELLED));
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
}
