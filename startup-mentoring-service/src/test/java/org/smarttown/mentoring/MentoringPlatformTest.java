package org.smarttown.mentoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.ServicePlatformTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MentoringPlatformTest extends ServicePlatformTest {

    @Override
    protected String apiPath() {
        return "/api/mentoring";
    }

    @Test
    void theOpenApiDocumentDescribesThePartnerApiWithExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/partner/v1/mentors/{id}/availability"))
                .body(containsString("/partner/v1/sessions/{id}/no-show"))
                .body(containsString("/partner/v1/webhooks/deliveries/{deliveryId}/redeliver"))
                .body(containsString("Kim Jiwon"))
                .body(containsString("agency-a.example/hooks"));
    }
}
