package org.smarttown.care.fhir;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.smarttown.care.profile.CareProfileService;
import org.smarttown.care.screening.Instrument;
import org.smarttown.care.screening.InstrumentCatalog;
import org.smarttown.care.screening.Screening;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ca.uhn.fhir.context.FhirContext;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/**
 * A resident's screenings as FHIR R4: each one a QuestionnaireResponse (answers by item, the
 * instrument version in its canonical), and each scored one also a total-score Observation derived
 * from it, with the band as its interpretation.
 */
@ApplicationScoped
public class FhirScreeningService {

    static final String BAND_SYSTEM = "urn:smarttown:screening-band";

    private final FhirContext fhir = FhirContext.forR4Cached();
    private final CareProfileService profiles;
    private final InstrumentCatalog catalog;
    private final ObjectMapper mapper;

    public FhirScreeningService(CareProfileService profiles, InstrumentCatalog catalog, ObjectMapper mapper) {
        this.profiles = profiles;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    @WithSession
    public Uni<String> screenings(UUID residentId) {
        return profiles.find(residentId)
                .chain(profile -> Screening.<Screening> list("residentId", Sort.by("administeredAt").and("id"), residentId))
                .map(list -> {
                    Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
                    int resources = 0;
                    for (Screening s : list) {
                        Instrument instrument = catalog.version(s.instrument, s.instrumentVersion);
                        bundle.addEntry().setResource(response(s, instrument));
                        resources++;
                        if (s.status == Screening.Status.SCORED) {
                            bundle.addEntry().setResource(total(s, instrument));
                            resources++;
                        }
                    }
                    bundle.setTotal(resources);
                    return fhir.newJsonParser().encodeResourceToString(bundle);
                });
    }

    private QuestionnaireResponse response(Screening s, Instrument instrument) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(s.id.toString());
        response.setQuestionnaire(instrument.fhir().questionnaire() + "|" + instrument.version());
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(new Reference("Patient/" + s.residentId));
        response.setAuthored(Date.from(s.administeredAt.toInstant()));
        response.setAuthor(new Reference().setDisplay(s.administeredBy));
        JsonNode answers = parse(s.answers);
        if (answers.isArray()) {
            for (int i = 0; i < answers.size(); i++) {
                JsonNode answer = answers.get(i);
                QuestionnaireResponse.QuestionnaireResponseItemComponent item = response.addItem()
                        .setLinkId(Integer.toString(i + 1));
                // An unanswered item is listed without an answer, so the gap stays visible.
                if (answer.isBoolean()) {
                    item.addAnswer().setValue(new BooleanType(answer.booleanValue()));
                } else if (answer.isNumber()) {
                    item.addAnswer().setValue(new IntegerType(answer.intValue()));
                }
            }
        } else {
            for (String field : List.of("total", "age", "educationYears")) {
                response.addItem().setLinkId(field).addAnswer().setValue(new IntegerType(answers.get(field).intValue()));
            }
        }
        return response;
    }

    private static Observation total(Screening s, Instrument instrument) {
        Observation observation = new Observation();
        observation.setId(s.id + "-total");
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "survey", "Survey")));
        Instrument.Fhir codes = instrument.fhir();
        observation.setCode(new CodeableConcept().addCoding(new Coding(codes.totalSystem(), codes.totalCode(),
                codes.totalDisplay())).setText(codes.totalDisplay()));
        observation.setSubject(new Reference("Patient/" + s.residentId));
        observation.setEffective(new DateTimeType(Date.from(s.administeredAt.toInstant())));
        observation.addPerformer(new Reference().setDisplay(s.administeredBy));
        observation.setValue(new IntegerType(s.total));
        observation.addInterpretation(new CodeableConcept().addCoding(new Coding(BAND_SYSTEM, s.band, s.band))
                .setText(s.band));
        observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + s.id));
        return observation;
    }

    private JsonNode parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
