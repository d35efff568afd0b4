package org.smarttown.coworking.booking;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.reactive.PeriodicJob;
import org.smarttown.coworking.config.CoworkingConfig;
import org.smarttown.coworking.space.Space;
import org.smarttown.coworking.waitlist.WaitlistService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Releases confirmed bookings nobody checked in to by their stored deadline (release_at): they
 * become NO_SHOW (kept), the space is free again, the waitlist is offered the slot, and
 * BookingNoShow tells whether the founder is now blocked. Runs every coworking.release-interval.
 */
@ApplicationScoped
public class NoShowReleaser {

    private static final Logger LOG = Logger.getLogger(NoShowReleaser.class);
    private static final int BATCH = 100;

    private final Vertx vertx;
    private final CoworkingConfig config;
    private final BookingService bookings;
    private final WaitlistService waitlist;
    private final Outbox outbox;
    private PeriodicJob<Integer> job;

    public NoShowReleaser(Vertx vertx, CoworkingConfig config, BookingService bookings, WaitlistService waitlist,
            Outbox outbox) {
        this.vertx = vertx;
        this.config = config;
        this.bookings = bookings;
        this.waitlist = waitlist;
        this.outbox = outbox;
    }

    void start(@Observes StartupEvent event) {
        job = PeriodicJob.start(vertx.getDelegate(), "No-show release", config.releaseInterval(),
                config.releaseInterval(), this::releaseDue, released -> {
                    if (released > 0) {
                        LOG.infof("Released %d no-show booking(s)", released);
                    }
                }, LOG);
    }

    void stop(@Observes ShutdownEvent event) {
        if (job != null) {
            job.stop();
        }
    }

    /** Releases what is due now; concurrent cancels or other replicas lose on the booking's version. */
    public Uni<Integer> releaseDue() {
        OffsetDateTime now = OffsetDateTime.now();
        return Panache.withTransaction(() -> Booking.<Booking> find("status = ?1 and releaseAt <= ?2",
                io.quarkus.panache.common.Sort.by("releaseAt"), Booking.Status.CONFIRMED, now).page(0, BATCH).list()
                .call(due -> releaseEach(due, 0, now)))
                .call(due -> offerEach(due, 0))
                .map(List::size);
    }

    private Uni<Void> releaseEach(List<Booking> due, int index, OffsetDateTime now) {
        if (index >= due.size()) {
            return Uni.createFrom().voidItem();
        }
        Booking booking = due.get(index);
        booking.status = Booking.Status.NO_SHOW;
        return Panache.flush()
                .chain(() -> Booking.count("username = ?1 and status = ?2 and releaseAt > ?3", booking.username,
                        Booking.Status.NO_SHOW, now.minus(config.noShowPeriod())))
                .chain(count -> Space.<Space> findById(booking.spaceId).chain(space -> outbox.publish(
                        BookingEvents.ADDRESS, BookingEvents.BookingNoShow.TYPE, BookingEvents.VERSION,
                        new BookingEvents.BookingNoShow(booking.id, booking.spaceId, space.code, booking.username,
                                BookingView.local(booking.startAt, bookings.zone()),
                                BookingView.local(booking.endAt, bookings.zone()),
                                BookingView.local(booking.releaseAt, bookings.zone()), count.intValue(),
                                count >= config.noShowLimit()))))
                .chain(() -> releaseEach(due, index + 1, now));
    }

    private Uni<Void> offerEach(List<Booking> freed, int index) {
        if (index >= freed.size()) {
            return Uni.createFrom().voidItem();
        }
        Booking booking = freed.get(index);
        return waitlist.offerFreed(booking.spaceId, booking.startAt, booking.endAt).chain(() -> offerEach(freed, index + 1));
    }
}
