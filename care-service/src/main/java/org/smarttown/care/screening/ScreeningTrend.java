package org.smarttown.care.screening;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A resident's screenings per instrument, oldest first, with when the next one is due: what a
 * console charts. Answers are left out (see GET /screenings/{id}).
 */
public record ScreeningTrend(UUID residentId, List<ByInstrument> instruments) {

    public record ByInstrument(String instrument, Point latest, OffsetDateTime nextDueAt, boolean due,
            List<Point> points) {
    }

    public record Point(UUID screeningId, OffsetDateTime administeredAt, int instrumentVersion,
            Screening.Status status, Integer total, String band, boolean followUp, List<String> flags,
            String administeredBy) {

        static Point of(Screening s) {
            return new Point(s.id, s.administeredAt, s.instrumentVersion, s.status, s.total, s.band, s.followUp,
                    s.flagList(), s.administeredBy);
        }
    }
}
