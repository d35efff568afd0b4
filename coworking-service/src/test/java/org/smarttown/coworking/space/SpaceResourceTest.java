package org.smarttown.coworking.space;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.smarttown.coworking.Office.MANAGER;
import static org.smarttown.coworking.Office.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;
import org.smarttown.coworking.Office;
import org.smarttown.coworking.Office.Founder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
class SpaceResourceTest {

    @Test
    void aManagerAddsASpaceThatFoundersFindOnTheFloorPlan() {
        String id = Office.space("MEETING_ROOM", Map.of("floor", 7, "x", 420, "y", 60,
                "opensAt", "09:00", "closesAt", "21:00", "closedWeekdays", List.of("SUNDAY")));
        Founder founder = Office.approvedFounder();
        String code = as(founder.token()).get("/api/coworking/spaces/" + id).then().statusCode(200)
                .body("type", equalTo("MEETING_ROOM"))
                .body("equipment", hasItems("PROJECTOR", "WHITEBOARD"))
                .body("opensAt", equalTo("09:00:00"))
                .body("closedWeekdays", equalTo(List.of("SUNDAY")))
                .body("floorPlan", equalTo("/api/coworking/floors/7/plan.svg"))
                .extract().path("code");
        as(founder.token()).get("/api/coworking/spaces?floor=7&type=MEETING_ROOM").then().statusCode(200)
                .body("items.code", hasItem(code));
        as(founder.token()).get("/api/coworking/floors/7/plan.svg").then().statusCode(200)
                .contentType("image/svg+xml")
                .body(containsString("<svg"))
                .body(containsString("id=\"space-" + code + "\""))
                .body(containsString("x=\"420\""));
        as(founder.token()).get("/api/coworking/floors/49/plan.svg").then().statusCode(404);
    }

    @Test
    void spaceCodesAreUniqueAndBadSpacesAre400() {
        String id = Office.space("DESK");
        String code = as(MANAGER).get("/api/coworking/spaces/" + id).then().extract().path("code");
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "type", "DESK", "name", "Desk", "capacity", 1,
                "x", 1, "y", 1));
        as(MANAGER).body(body).post("/api/coworking/spaces").then().statusCode(409)
                .body("type", equalTo("urn:smarttown:problem:space-code-taken"));
        body.put("code", Office.unique("D").toUpperCase());
        body.put("type", "SOFA");
        as(MANAGER).body(body).post("/api/coworking/spaces").then().statusCode(400);
        body.put("type", "DESK");
        body.put("opensAt", "20:00");
        body.put("closesAt", "08:00");
        as(MANAGER).body(body).post("/api/coworking/spaces").then().statusCode(400)
                .body("errors[0].field", equalTo("closesAt"));
        as(MANAGER).get("/api/coworking/spaces/" + java.util.UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aBodyWithAnUnknownFieldTrailingGarbageOrUncleanTextIsRefusedAndStoresNothing() {
        String code = Office.unique("D").toUpperCase();
        String valid = "{\"code\":\"" + code + "\",\"type\":\"DESK\",\"name\":\"Desk\",\"capacity\":1,\"x\":1,\"y\":1";
        // A misspelt field is named, not ignored.
        as(MANAGER).body(valid + ",\"capacty\":4}").post("/api/coworking/spaces").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("capacty"))
                .body("errors[0].message", equalTo("is not a known field"));
        // A value of the wrong JSON type is refused, not converted.
        as(MANAGER).body(valid.replace("\"capacity\":1", "\"capacity\":\"1\"") + "}").post("/api/coworking/spaces").then()
                .statusCode(400).body("errors[0].field", equalTo("capacity"));
        as(MANAGER).body(valid.replace("\"Desk\"", "42") + "}").post("/api/coworking/spaces").then()
                .statusCode(400).body("errors[0].field", equalTo("name"));
        as(MANAGER).body(valid.replace("\"DESK\"", "0") + "}").post("/api/coworking/spaces").then()
                .statusCode(400).body("errors[0].field", equalTo("type"));
        // Only one JSON value is a body; what follows it is not silently dropped.
        as(MANAGER).body(valid + "}{\"code\":\"X-1\"}").post("/api/coworking/spaces").then().statusCode(400)
                .contentType("application/problem+json");
        // An unpaired surrogate is not Unicode: PostgreSQL would store it as '?'.
        as(MANAGER).body(valid.replace("\"Desk\"", "\"Desk \\ud800\"") + "}").post("/api/coworking/spaces").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("unpaired surrogate"));
        as(MANAGER).body(valid.replace("\"Desk\"", "\"Desk\\u202e\"") + "}").post("/api/coworking/spaces").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        as(MANAGER).get("/api/coworking/spaces?size=100").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.not(hasItem(code)));
        // The same body without the faults is taken, so the faults were the reason.
        as(MANAGER).body(valid + "}").post("/api/coworking/spaces").then().statusCode(201);
    }

    @Test
    void onlyManagersChangeSpacesAndPolicies() {
        Founder founder = Office.approvedFounder();
        as(founder.token()).body(Map.of("code", "D-99", "type", "DESK", "name", "Desk", "capacity", 1, "x", 1, "y", 1))
                .post("/api/coworking/spaces").then().statusCode(403);
        as(founder.token()).body(policy("BOOTH", 120)).put("/api/coworking/policies/BOOTH").then().statusCode(403);
        as(TestTokens.user("carer1", "care-worker")).get("/api/coworking/spaces").then().statusCode(403);
        RestAssured.given().get("/api/coworking/policies").then().statusCode(401);
        as(founder.token()).get("/api/coworking/policies").then().statusCode(200)
                .body("spaceType", hasItems("DESK", "MEETING_ROOM", "BOOTH"));
    }

    @Test
    void aChangedPolicyAppliesToTheNextBooking() {
        String booth = Office.space("BOOTH");
        Founder founder = Office.approvedFounder();
        Map<String, Object> original = as(MANAGER).get("/api/coworking/policies").then().extract()
                .path("find { it.spaceType == 'BOOTH' }");
        try {
            as(MANAGER).body(policy("BOOTH", 60)).put("/api/coworking/policies/BOOTH").then().statusCode(200)
                    .body("maxMinutes", equalTo(60)).body("updatedBy", equalTo("manager1"));
            Office.book(founder, booth, Office.day(2), "10:00", "11:30").then().statusCode(422)
                    .body("type", equalTo("urn:smarttown:problem:duration-too-long"))
                    .body("detail", containsString("60 minutes"));
            Office.book(founder, booth, Office.day(2), "10:00", "11:00").then().statusCode(201);
        } finally {
            as(MANAGER).body(original).put("/api/coworking/policies/BOOTH").then().statusCode(200);
        }
    }

    @Test
    void aPolicyThatContradictsItselfIs400() {
        Map<String, Object> policy = policy("BOOTH", 120);
        policy.put("minMinutes", 180);
        as(MANAGER).body(policy).put("/api/coworking/policies/BOOTH").then().statusCode(400)
                .body("errors[0].field", equalTo("maxMinutes"));
        policy.put("slotMinutes", 0);
        as(MANAGER).body(policy).put("/api/coworking/policies/BOOTH").then().statusCode(400);
        as(MANAGER).body(policy("BOOTH", 120)).put("/api/coworking/policies/SOFA").then().statusCode(404);
    }

    static Map<String, Object> policy(String type, int maxMinutes) {
        Map<String, Object> p = new HashMap<>();
        p.put("wholeDay", false);
        p.put("slotMinutes", 30);
        p.put("minMinutes", 30);
        p.put("maxMinutes", maxMinutes);
        p.put("maxDaysAhead", 7);
        p.put("minLeadMinutes", 0);
        p.put("maxActiveBookings", 2);
        p.put("weeklyHoursPerFounder", 6);
        p.put("weeklyHoursPerTeam", 15);
        return p;
    }
}
