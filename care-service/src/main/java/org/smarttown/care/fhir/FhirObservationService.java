package org.smarttown.care.fhir;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.smarttown.care.profile.CareProfileService;
import org.smarttown.care.reading.ReadingType;
import org.smarttown.commons.db.HqlLiterals;
import org.smarttown.commons.problem.Invalid;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * A resident's vital-sign readings as FHIR R4 Observations (LOINC codes, UCUM units), in a
 * searchset Bundle encoded by HAPI FHIR.
 */
@ApplicationScoped
@Startup // building a FhirContext takes seconds: do it at start, never on a request's event loop
public class FhirObservationService {

    /** One page is enough for a chart or an export; a longer range must be asked for in parts. */
    static final int MAX_OBSERVATIONS = 1000;
    /** HQL: the readings served as Observations, those with a LOINC code (see code). */
    private static final String OBSERVED = HqlLiterals.of(ReadingType.class, type -> code(type) != null);

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final CareProfileService profiles;

    public FhirObservationService(CareProfileService profiles) {
        this.profiles = profiles;
        fhir.newJsonParser(); // warms the parser's model scan too
    }

    private record Code(String loinc, String display, String category, String unit, String ucum) {
    }

    static Code code(ReadingType type) {
        return switch (type) {
            case HEART_RATE -> new Code("8867-4", "Heart rate", "vital-signs", "/min", "/min");
            case SPO2 -> new Code("2708-6", "Oxygen saturation in Arterial blood", "vital-signs", "%", "%");
            case STEPS -> new Code("41950-7", "Number of steps in 24 hour Measured", "activity", "steps", "{steps}");
            case SKIN_TEMP -> new Code("39106-0", "Temperature of Skin", "vital-signs", "Cel", "Cel");
            default -> null;
        };
    }

    @WithSession
    public Uni<String> observations(UUID residentId, OffsetDateTime from, OffsetDateTime to) {
        if (!from.isBefore(to)) {
            throw new Invalid("from", "must be before to");
        }
        return profiles.find(residentId).chain(profile -> Panache.getSession().chain(session -> session
                .createSelectionQuery("""
                        select deviceSerial, sequence, type, value, measuredAt
                        from Reading
                        where residentId = ?1 and type in %s and measuredAt >= ?2 and measuredAt < ?3
                        order by measuredAt, deviceSerial, sequence""".formatted(OBSERVED), Object[].class)
                .setParameter(1, residentId).setParameter(2, from).setParameter(3, to)
                .setMaxResults(MAX_OBSERVATIONS + 1)
                .getResultList()))
                .map(rows -> {
                    if (rows.size() > MAX_OBSERVATIONS) {
                        throw new Invalid("to", "more than " + MAX_OBSERVATIONS
                                + " observations in this range; ask for a shorter one");
                    }
                    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(rows.size());
                    for (Object[] row : rows) {
                        bundle.addEntry().setResource(observation(residentId, (String) row[0],
                                ((Number) row[1]).longValue(), (ReadingType) row[2], ((Number) row[3]).doubleValue(),
                                ((OffsetDateTime) row[4]).toInstant()));
                    }
                    return fhir.newJsonParser().encodeResourceToString(bundle);
                });
    }

    private static Observation observation(UUID residentId, String serial, long sequence, ReadingType type,
            double value, Instant measuredAt) {
        Code code = code(type);
        Observation observation = new Observation();
        observation.setId(serial + "-" + sequence);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", code.category(), null)));
        observation.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", code.loinc(),
                code.display())).setText(code.display()));
        observation.setSubject(new Reference("Patient/" + residentId));
        observation.setDevice(new Reference("Device/" + serial));
        observation.setEffective(new DateTimeType(Date.from(measuredAt)));
        observation.setValue(new Quantity().setValue(value).setUnit(code.unit())
                .setSystem("http://unitsofmeasure.org").setCode(code.ucum()));
        return observation;
    }
}
