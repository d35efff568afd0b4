package org.smarttown.mentoring.packaged;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.smarttown.mentoring.Api.AGENCY_A;
import static org.smarttown.mentoring.Api.AGENCY_B;
import static org.smarttown.mentoring.Api.as;
import static org.smarttown.mentoring.Api.founder;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.ServicePlatformTest;
import org.smarttown.mentoring.Api;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application (the JVM jar in every build, the native executable under
 * {@code -Pnative}): an agency's mentor and session type through the partner API, a founder's
 * booking and its .ics (ical4j), and another agency kept out — the parts that need reflection or
 * resources in a native image.
 */
@QuarkusIntegrationTest
class PackagedMentoringIT extends ServicePlatformTest {

    @Override
    protected String apiPath() {
        return "/api/mentoring";
    }

    @Test
    void anAgencysMentorIsBookedByAFounderAndHiddenFromOtherAgencies() {
        Api.agencies();
        String mentorId = Api.mentor(AGENCY_A, "패키지 멘토", List.of("packaging"), Api.everyDay("09:00", "12:00"));
        String typeId = Api.createSessionType(AGENCY_A, Api.sessionType("MENTORING", 60));
        LocalDate monday = Api.mondayAhead(2);

        String id = as(founder("packaged-founder")).body(Api.booking(mentorId, typeId, Api.at(monday, "09:00")))
                .post("/api/mentoring/sessions").then().statusCode(201).body("status", equalTo("CONFIRMED"))
                .extract().path("id");
        as(founder("packaged-founder")).get("/api/mentoring/sessions/" + id + "/calendar.ics").then().statusCode(200)
                .contentType("text/calendar").body(containsString("BEGIN:VEVENT"));

        as(AGENCY_A).get("/partner/v1/mentors?size=100").then().statusCode(200).body("items.id", hasItem(mentorId));
        as(AGENCY_B).get("/partner/v1/mentors/" + mentorId).then().statusCode(404)
                .contentType("application/problem+json");
    }
}
