package org.smarttown.care.screening;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.smarttown.care.alert.AlertEvents;
import org.smarttown.care.alert.AlertFeed;
import org.smarttown.care.alert.AlertKind;
import org.smarttown.care.alert.AlertLevel;
import org.smarttown.care.alert.AlertService;
import org.smarttown.care.alert.AlertView;
import org.smarttown.care.alert.Detected;
import org.smarttown.care.alert.Explanation;
import org.smarttown.care.common.Actor;
import org.smarttown.care.common.OpenProfiles;
import org.smarttown.care.config.CareConfig;
import org.smarttown.care.profile.CareProfile;
import org.smarttown.care.profile.CareProfileService;
import org.smarttown.care.profile.CareRhythm;
import org.smarttown.care.visit.CareVisit;
import org.smarttown.care.visit.VisitService;
import org.smarttown.commons.outbox.Outbox;
import org.smarttown.commons.problem.Invalid;
import org.smarttown.commons.problem.NotFound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * Records screenings: scores the form by its instrument's data, stores it with its answers and
 * version, raises a CRITICAL alert for a critical item, plans a follow-up visit when the band (or a
 * critical item) asks for one, and publishes ScreeningCompleted, all in one transaction.
 */
@ApplicationScoped
public class ScreeningService {

    private final InstrumentCatalog catalog;
    private final AlertService alerts;
    private final AlertFeed feed;
    private final VisitService visits;
    private final CareProfileService profiles;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final CareConfig config;

    public ScreeningService(InstrumentCatalog catalog, AlertService alerts, AlertFeed feed, VisitService visits,
            CareProfileService profiles, Outbox outbox, ObjectMapper mapper, CareConfig config) {
        this.catalog = catalog;
        this.alerts = alerts;
        this.feed = feed;
        this.visits = visits;
        this.profiles = profiles;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
    }

    public Uni<ScreeningView> record(NewScreening request, Actor actor) {
        Instrument instrument = catalog.latest(request.instrument()).orElseThrow(() -> new Invalid("instrument",
                "must be one of " + catalog.codes()));
        Scoring.Result result = Scoring.score(instrument, new Scoring.Form(request.answers(), request.total(),
                request.age(), request.educationYears()));
        JsonNode answers = answers(instrument, request);
        OffsetDateTime now = now();
        List<AlertView> raised = new ArrayList<>();
        return Panache.withTransaction(() -> OpenProfiles.require(request.residentId()).chain(profile -> {
            Screening s = new Screening();
            s.id = UUID.randomUUID();
            s.residentId = profile.residentId;
            s.instrument = instrument.code();
            s.instrumentVersion = instrument.version();
            s.status = result.status();
            s.answers = json(answers);
            s.answered = result.answered();
            s.total = result.total();
            s.band = result.band();
            s.followUp = result.followUp();
            s.flags = String.join(",", result.flags());
            s.cutoff = result.cutoff();
            s.administeredBy = actor.name();
            s.administeredAt = now;
            s.nextDueAt = result.status() == Screening.Status.INCOMPLETE ? now
                    : now.plus(result.followUp() ? instrument.rescreenAfterFollowUp() : instrument.rescreenAfter());
            s.note = request.note();
            return criticalAlert(s, instrument, result, request.answers()).invoke(view -> {
                if (view != null) {
                    raised.add(view);
                    s.alertId = view.id();
                }
            }).chain(() -> followUpVisit(s, instrument, result, profile)).invoke(visit -> {
                if (visit != null) {
                    s.visitId = visit.id;
                }
            }).chain(() -> s.<Screening> persist())
                    .call(() -> outbox.publish(AlertEvents.ADDRESS, ScreeningCompleted.TYPE, 1,
                            new ScreeningCompleted(s.id, s.residentId, s.instrument, s.instrumentVersion, s.status,
                                    s.band, s.followUp, s.flagList(), s.administeredAt)));
        }))
                // The live alert feed hears of the alert only once it is committed.
                .invoke(() -> feed.publish(raised))
                .map(s -> ScreeningView.of(s, answers));
    }

    /** A critical item answered above its threshold is a CRITICAL alert at once, whatever the total. */
    private Uni<AlertView> criticalAlert(Screening s, Instrument instrument, Scoring.Result result,
            List<JsonNode> answers) {
        if (result.criticalItems().isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        Instrument.CriticalItem item = result.criticalItems().get(0);
        String seen = instrument.code() + " item " + item.item() + " (" + item.summary() + ") answered "
                + answers.get(item.item() - 1) + " in a screening by " + s.administeredBy + " at "
                + s.administeredAt.atZoneSameInstant(CareRhythm.OFFICE_ZONE).toLocalTime().withNano(0) + " KST";
        String against = "any answer above " + item.above() + " on item " + item.item() + " is critical, whatever the total ("
                + (result.total() == null ? "form incomplete" : "total " + result.total() + ", " + result.band()) + ")";
        return alerts.raise(new Detected(s.residentId, AlertKind.SELF_HARM, AlertLevel.CRITICAL, null,
                new Explanation("SCREENING_CRITICAL_ITEM", seen, against, "screening " + s.id), s.administeredAt), true);
    }

    private Uni<CareVisit> followUpVisit(Screening s, Instrument instrument, Scoring.Result result, CareProfile profile) {
        if (!result.followUp()) {
            return Uni.createFrom().nullItem();
        }
        boolean urgent = !result.criticalItems().isEmpty();
        String purpose = (urgent ? "Urgent follow-up: " : "Follow-up: ") + instrument.code() + " "
                + (s.band != null ? s.band : "incomplete") + (urgent ? ", " + String.join(", ", result.flags()) : "");
        return visits.plan(s.residentId, CareVisit.Origin.SCREENING, s.id, purpose,
                profile.assignedCareWorker != null ? profile.assignedCareWorker : s.administeredBy,
                s.administeredAt.plus(urgent ? config.visits().urgentWithin() : config.visits().followUpWithin()),
                s.administeredBy);
    }

    @WithSession
    public Uni<ScreeningView> get(UUID id) {
        return Screening.<Screening> findById(id).map(s -> {
            if (s == null) {
                throw new NotFound("Screening", id);
            }
            return ScreeningView.of(s, parse(s.answers));
        });
    }

    @WithSession
    public Uni<ScreeningTrend> trend(UUID residentId, String instrument) {
        return profiles.find(residentId).chain(profile -> (instrument == null
                ? Screening.<Screening> list("residentId", Sort.by("instrument").and("administeredAt").and("id"), residentId)
                : Screening.<Screening> list("residentId = ?1 and instrument = ?2",
                        Sort.by("administeredAt").and("id"), residentId, instrument)))
                .map(list -> trend(residentId, list));
    }

    /** Inside a session: the trend, for the summary. */
    public Uni<ScreeningTrend> trendInSession(UUID residentId) {
        return Screening.<Screening> list("residentId", Sort.by("instrument").and("administeredAt").and("id"), residentId)
                .map(list -> trend(residentId, list));
    }

    private static ScreeningTrend trend(UUID residentId, List<Screening> screenings) {
        OffsetDateTime now = now();
        Map<String, List<Screening>> byInstrument = new LinkedHashMap<>();
        screenings.forEach(s -> byInstrument.computeIfAbsent(s.instrument, k -> new ArrayList<>()).add(s));
        List<ScreeningTrend.ByInstrument> instruments = new ArrayList<>();
        byInstrument.forEach((code, list) -> {
            Screening latest = list.get(list.size() - 1);
            instruments.add(new ScreeningTrend.ByInstrument(code, ScreeningTrend.Point.of(latest), latest.nextDueAt,
                    !latest.nextDueAt.isAfter(now), list.stream().map(ScreeningTrend.Point::of).toList()));
        });
        return new ScreeningTrend(residentId, instruments);
    }

    private JsonNode answers(Instrument instrument, NewScreening request) {
        if (instrument.answerType() == Instrument.AnswerType.TOTAL) {
            ObjectNode inputs = mapper.createObjectNode();
            inputs.put("total", request.total()).put("age", request.age()).put("educationYears", request.educationYears());
            return inputs;
        }
        return mapper.valueToTree(request.answers());
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime now() {
        // Microseconds, as PostgreSQL stores them, so an answer and a later read agree.
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
