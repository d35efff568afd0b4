package org.smarttown.care.profile;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.NotFound;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CareProfileService {

    private static final Logger LOG = Logger.getLogger(CareProfileService.class);

    /**
     * Opens a care profile for a newly registered resident who consented to care. Runs inside the
     * consumer's transaction; a resident without consent gets no profile.
     */
    public Uni<Void> open(ResidentRegistered event) {
        if (!event.careConsent()) {
            LOG.debugf("Resident %s did not consent to care; no profile", event.residentId());
            return Uni.createFrom().voidItem();
        }
        CareProfile profile = new CareProfile();
        profile.residentId = event.residentId();
        profile.name = event.name();
        profile.birthDate = event.birthDate();
        profile.dong = event.dong();
        profile.complex = event.complex();
        profile.status = CareProfile.Status.OPEN;
        profile.openedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return profile.persist().replaceWithVoid();
    }

    @WithSession
    public Uni<CareProfile> get(UUID residentId) {
        return CareProfile.<CareProfile> findById(residentId)
                .onItem().ifNull().failWith(() -> new NotFound("Care profile of resident", residentId));
    }

    @WithSession
    public Uni<Page<CareProfileView>> list(PageRequest page) {
        return Page.of(CareProfile.findAll(Sort.by("name").and("residentId")), page, CareProfileView::of);
    }
}
