package org.smarttown.resident.resident;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.NotFound;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ResidentService {

    /** The address this service publishes its events to. */
    public static final String EVENTS = "residents.events";

    private final Outbox outbox;

    public ResidentService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Stores the resident and its ResidentRegistered event in one transaction. */
    @WithTransaction
    public Uni<Resident> register(ResidentRequest request, String actor) {
        Resident resident = new Resident();
        resident.id = UUID.randomUUID();
        resident.name = request.name().strip();
        resident.birthDate = request.birthDate();
        resident.sex = request.sex();
        resident.phone = request.phone();
        resident.dong = request.address().dong().strip();
        resident.complex = request.address().complex().strip();
        resident.building = request.address().building();
        resident.unit = request.address().unit();
        resident.careConsent = request.consentsTo(ResidentRequest.Purpose.CARE_SERVICES);
        resident.status = Resident.Status.ACTIVE;
        resident.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        resident.createdBy = actor;
        return resident.<Resident> persist()
                .call(() -> outbox.publish(EVENTS, ResidentRegistered.TYPE, ResidentRegistered.VERSION,
                        ResidentRegistered.of(resident)));
    }

    @WithSession
    public Uni<Resident> get(UUID id) {
        return Resident.<Resident> findById(id)
                .onItem().ifNull().failWith(() -> new NotFound("Resident", id));
    }

    @WithSession
    public Uni<Page<ResidentView>> list(PageRequest page) {
        return Page.of(Resident.findAll(Sort.by("name").and("id")), page, ResidentView::of);
    }
}
