package org.smarttown.resident.resident;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The one response that carries a registration number in clear. */
public record RrnReveal(UUID residentId, String rrn, OffsetDateTime revealedAt) {

    @Override
    public String toString() {
        return "RrnReveal[residentId=" + residentId + ", rrn=<hidden>]";
    }
}
