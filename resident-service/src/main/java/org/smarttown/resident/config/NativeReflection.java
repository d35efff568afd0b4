package org.smarttown.resident.config;

import org.smarttown.resident.importing.ImportService;
import org.smarttown.resident.resident.ConsentState;
import org.smarttown.resident.resident.EmergencyContact;
import org.smarttown.resident.resident.ResidentEvents;
import org.smarttown.resident.resident.ResidentPatch;
import org.smarttown.resident.resident.ResidentView;
import org.smarttown.resident.risk.CareEventsConsumer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image must keep for reflection beyond the REST bodies Quarkus finds on its own:
 * the types Jackson reads or writes by hand — the events published and the care events consumed
 * (records nested in their holders, included), the merge-patch target, the JSON columns, the
 * import's row report and the registration an Idempotency-Key replays.
 */
@RegisterForReflection(targets = { ResidentEvents.class, CareEventsConsumer.class, ResidentPatch.class,
        EmergencyContact.class, ConsentState.class, ImportService.class, ResidentView.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
