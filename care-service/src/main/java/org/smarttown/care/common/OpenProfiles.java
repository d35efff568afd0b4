package org.smarttown.care.common;

import java.util.UUID;

import org.smarttown.care.profile.CareProfile;
import org.smarttown.commons.problem.Conflict;
import org.smarttown.commons.problem.NotFound;

import io.smallrye.mutiny.Uni;

/** Screening, enrolling and visiting need a resident in care who consents: an open care profile. */
public final class OpenProfiles {

    private OpenProfiles() {
    }

    public static Uni<CareProfile> require(UUID residentId) {
        return CareProfile.<CareProfile> findById(residentId).map(profile -> {
            if (profile == null) {
                throw new NotFound("Care profile of resident", residentId);
            }
            if (!profile.isOpen()) {
                throw new Conflict("profile-closed", "The care profile of resident " + residentId + " is closed ("
                        + profile.closedReason + "); nothing new can be recorded for them");
            }
            return profile;
        });
    }
}
