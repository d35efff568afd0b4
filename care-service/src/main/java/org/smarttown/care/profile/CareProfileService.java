package org.smarttown.care.profile;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.smarttown.care.config.CareConfig;
import org.smarttown.commons.paging.Page;
import org.smarttown.commons.paging.PageRequest;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.NotFound;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CareProfileService {

    private static final Logger LOG = Logger.getLogger(CareProfileService.class);

    private final CareConfig config;

    public CareProfileService(CareConfig config) {
        this.config = config;
    }

    /**
     * A registered (or updated) resident: opens or refreshes the profile when they consent to
     * care, erases it when they do not. Runs inside the consumer's transaction.
     */
    public Uni<Void> registeredOrUpdated(ResidentRegistered event) {
        return CareProfile.<CareProfile> findById(event.residentId()).chain(profile -> {
            if (!event.careConsent()) {
                if (profile == null) {
                    LOG.debugf("Resident %s did not consent to care; no profile", event.residentId());
                    return Uni.createFrom().voidItem();
                }
                return withdraw(profile);
            }
            if (profile == null) {
                profile = new CareProfile();
                profile.residentId = event.residentId();
                profile.status = CareProfile.Status.OPEN;
                profile.openedAt = now();
            } else if (!profile.isOpen() && CareProfile.CONSENT_WITHDRAWN.equals(profile.closedReason)) {
                // Consent given again: the event carries the data we erased, so care resumes.
                reopen(profile);
            }
            profile.name = event.name();
            profile.birthDate = event.birthDate();
            profile.dong = event.dong();
            profile.complex = event.complex();
            profile.assignedCareWorker = event.assignedCareWorker();
            profile.emergencyContacts = event.emergencyContacts() == null ? List.of()
                    : event.emergencyContacts().stream()
                            .sorted((a, b) -> Integer.compare(a.order(), b.order())).toList();
            profile.updatedAt = now();
            return profile.persist().replaceWithVoid();
        });
    }

    /** A resident who left the programme (moved out, died...): care stops, the record stays. */
    public Uni<Void> deactivated(ResidentDeactivated event) {
        return CareProfile.<CareProfile> findById(event.residentId()).chain(profile -> {
            if (profile == null || !profile.isOpen()) {
                return Uni.createFrom().voidItem();
            }
            profile.status = CareProfile.Status.CLOSED;
            profile.closedAt = now();
            profile.closedReason = event.status() == null ? "DEACTIVATED" : event.status();
            profile.updatedAt = now();
            return profile.persist().chain(() -> unassignDevices(profile.residentId));
        });
    }

    /**
     * Consent to care withdrawn: the profile is closed and everything personal is erased, keeping
     * only the id (so later events still find it). Consent given again reopens the profile with
     * the next ResidentUpdated, which carries the data again; the ConsentChanged itself has none.
     */
    public Uni<Void> consentChanged(ConsentChanged event) {
        if (!ConsentChanged.CARE_SERVICES.equals(event.purpose()) || event.given()) {
            return Uni.createFrom().voidItem();
        }
        return CareProfile.<CareProfile> findById(event.residentId())
                .chain(profile -> profile == null ? Uni.createFrom().voidItem() : withdraw(profile));
    }

    private Uni<Void> withdraw(CareProfile profile) {
        profile.name = null;
        profile.birthDate = null;
        profile.dong = null;
        profile.complex = null;
        profile.assignedCareWorker = null;
        profile.emergencyContacts = List.of();
        profile.conditions = List.of();
        profile.activeFrom = null;
        profile.activeTo = null;
        profile.quietPeriodMinutes = null;
        profile.forgetLearnedRhythm();
        if (profile.isOpen() || profile.closedAt == null) {
            profile.closedAt = now();
        }
        profile.status = CareProfile.Status.CLOSED;
        profile.closedReason = CareProfile.CONSENT_WITHDRAWN;
        profile.updatedAt = now();
        // Readings are health data about the person: they go with the consent. Alerts stay, as the
        // record of what staff did, with the explanation's numbers but no name.
        return profile.persist().chain(() -> unassignDevices(profile.residentId))
                .chain(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from reading where resident_id = ?1")
                        .setParameter(1, profile.residentId).executeUpdate()))
                // Screening answers are health data too; visits stay, as the record of what staff did.
                .chain(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from screening where resident_id = ?1")
                        .setParameter(1, profile.residentId).executeUpdate()))
                // The stored vital-sign baselines are made of those readings.
                .chain(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("delete from vital_baseline where resident_id = ?1")
                        .setParameter(1, profile.residentId).executeUpdate()))
                .replaceWithVoid();
    }

    /** Devices of a closed profile go back to stock; their readings would have nobody to care for. */
    private Uni<Void> unassignDevices(UUID residentId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("update device set resident_id = null, installed_at = null where resident_id = ?1")
                .setParameter(1, residentId).executeUpdate()).replaceWithVoid();
    }

    private void reopen(CareProfile profile) {
        profile.status = CareProfile.Status.OPEN;
        profile.openedAt = now();
        profile.closedAt = null;
        profile.closedReason = null;
    }

    @WithSession
    public Uni<CareProfileView> get(UUID residentId) {
        return find(residentId).map(this::view);
    }

    @WithSession
    public Uni<Page<CareProfileView>> list(PageRequest page) {
        return Page.of(CareProfile.findAll(Sort.by("name").and("residentId")), page, this::view);
    }

    /** A supervisor sets the resident's own active hours or quiet period. */
    @WithTransaction
    public Uni<CareProfileView> changeRhythm(UUID residentId, RhythmChange change) {
        return find(residentId).chain(profile -> {
            if (!profile.isOpen()) {
                return Uni.createFrom().failure(new Conflict("profile-closed",
                        "The care profile of resident " + residentId + " is closed"));
            }
            CareRhythm current = rhythm(profile);
            if (change.activeFrom() != null || change.activeTo() != null) {
                profile.activeFrom = change.activeFrom() == null ? current.activeFrom() : LocalTime.parse(change.activeFrom());
                profile.activeTo = change.activeTo() == null ? current.activeTo() : LocalTime.parse(change.activeTo());
            }
            if (change.quietPeriodMinutes() != null) {
                profile.quietPeriodMinutes = change.quietPeriodMinutes();
            }
            profile.updatedAt = now();
            return profile.<CareProfile> persist().map(this::view);
        });
    }

    /** Staff record the resident's care-relevant conditions (the whole list replaces the old one). */
    @WithTransaction
    public Uni<CareProfileView> changeConditions(UUID residentId, List<Condition> conditions) {
        return find(residentId).chain(profile -> {
            if (!profile.isOpen()) {
                return Uni.createFrom().failure(new Conflict("profile-closed",
                        "The care profile of resident " + residentId + " is closed"));
            }
            profile.conditions = conditions.stream().distinct().sorted().toList();
            profile.updatedAt = now();
            return profile.<CareProfile> persist().map(this::view);
        });
    }

    /**
     * The rhythm in force for a resident, part by part: staff's own values, else the one learned
     * from their history, else the configured default.
     */
    public CareRhythm rhythm(CareProfile profile) {
        CareConfig.Profile defaults = config.profile();
        LocalTime from;
        LocalTime to;
        CareRhythm.Source hours;
        if (profile.activeFrom != null && profile.activeTo != null) {
            from = profile.activeFrom;
            to = profile.activeTo;
            hours = CareRhythm.Source.STAFF;
        } else if (profile.learnedActiveFrom != null && profile.learnedActiveTo != null) {
            from = profile.learnedActiveFrom;
            to = profile.learnedActiveTo;
            hours = CareRhythm.Source.LEARNED;
        } else {
            from = LocalTime.parse(defaults.activeFrom());
            to = LocalTime.parse(defaults.activeTo());
            hours = CareRhythm.Source.DEFAULT;
        }
        int quiet;
        CareRhythm.Source quietSource;
        if (profile.quietPeriodMinutes != null) {
            quiet = profile.quietPeriodMinutes;
            quietSource = CareRhythm.Source.STAFF;
        } else if (profile.learnedQuietPeriodMinutes != null) {
            quiet = profile.learnedQuietPeriodMinutes;
            quietSource = CareRhythm.Source.LEARNED;
        } else {
            quiet = defaults.quietPeriodMinutes();
            quietSource = CareRhythm.Source.DEFAULT;
        }
        return new CareRhythm(from, to, quiet, hours, quietSource, profile.rhythmLearnedDays);
    }

    public Uni<CareProfile> find(UUID residentId) {
        return CareProfile.<CareProfile> findById(residentId)
                .onItem().ifNull().failWith(() -> new NotFound("Care profile of resident", residentId));
    }

    private CareProfileView view(CareProfile profile) {
        return CareProfileView.of(profile, rhythm(profile));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
