package org.smarttown.care.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/** One screening in full, answers included (only staff with a care role ever see it). */
public record ScreeningView(UUID id, UUID residentId, String instrument, int instrumentVersion,
        Screening.Status status, int answered, Integer total, String band, boolean followUp, List<String> flags,
        Integer cutoff, JsonNode answers, String administeredBy, OffsetDateTime administeredAt,
        OffsetDateTime nextDueAt, UUID alertId, UUID visitId, String note) {

    static ScreeningView of(Screening s, JsonNode answers) {
        return new ScreeningView(s.id, s.residentId, s.instrument, s.instrumentVersion, s.status, s.answered, s.total,
                s.band, s.followUp, s.flagList(), s.cutoff, answers, s.administeredBy, s.administeredAt, s.nextDueAt,
                s.alertId, s.visitId, s.note);
    }
}
