package org.smarttown.care.config;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.smarttown.care.alert.AlertEvents;
import org.smarttown.care.alert.AlertView;
import org.smarttown.care.alert.Explanation;
import org.smarttown.care.profile.ConsentChanged;
import org.smarttown.care.profile.EmergencyContact;
import org.smarttown.care.profile.ResidentDeactivated;
import org.smarttown.care.profile.ResidentRegistered;
import org.smarttown.care.reading.ReadingBatch;
import org.smarttown.care.reading.ReadingIn;
import org.smarttown.care.screening.Instrument;
import org.smarttown.care.screening.ScreeningCompleted;
import org.smarttown.care.visit.VisitEvents;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What a native image must keep for reflection beyond the REST bodies Quarkus finds on its own:
 * the types Jackson reads or writes by hand (events in and out, the broker's reading batches, the
 * instrument files, JSON columns, the alert feed between replicas) and the FHIR R4 model classes
 * HAPI introspects. Nested classes (the events' records) are included.
 */
@RegisterForReflection(targets = {
        AlertEvents.class, VisitEvents.class, ScreeningCompleted.class, AlertView.class, Explanation.class,
        ResidentRegistered.class, ResidentDeactivated.class, ConsentChanged.class, EmergencyContact.class,
        ReadingBatch.class, ReadingIn.class, Instrument.class,
        Bundle.class, Observation.class, QuestionnaireResponse.class, CodeableConcept.class, Coding.class,
        Quantity.class, Reference.class, DateTimeType.class, IntegerType.class, BooleanType.class })
final class NativeReflection {

    private NativeReflection() {
    }
}
