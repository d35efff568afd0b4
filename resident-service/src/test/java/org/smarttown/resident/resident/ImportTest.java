package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.smarttown.resident.resident.Residents.CARER;
import static org.smarttown.resident.resident.Residents.WELFARE;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;

@QuarkusTest
class ImportTest {

    @Inject
    Pool pool;

    private static Response upload(String token, String csv) {
        return given().auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv).post("/api/residents/imports");
    }

    private static void awaitDone(String location) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(
                given().auth().oauth2(WELFARE).get(location).then().statusCode(200).extract().path("status")));
    }

    private static String csv(String complex) {
        return "\uFEFF이름,생년월일,성별,주민등록번호,연락처,행정동,단지,건물,호수,위도,경도,분류,돌봄동의\r\n"
                + "김일순,1941-01-01,여,410101-2" + (100000 + (int) (Math.random() * 899999)) + ",010-5100-0001,두암동," + complex
                + ",\"201\",101,35.17,126.92,ELDERLY;LIVING_ALONE,Y\r\n"
                + "\"이 \"\"둘\"\"순\",1942-02-02,F,,010-5100-0002,두암동," + complex + ",201,102,,,ELDERLY,N\r\n"
                + "박삼식,1943-13-03,남,,010-5100-0003,두암동," + complex + ",201,103,,,,Y\r\n"
                + "최사순,1944-04-04,F,,010-5100-0004,두암동," + complex + ",201,104,200,126.9,,Y\r\n"
                + "정오식,1945-05-05,M,,010-5100-0005,두암동," + complex + ",\"201,A\",105,,,,Y\r\n";
    }

    @Test
    void goodRowsAreImportedBadRowsReportedAndASecondImportCreatesNothing() {
        String complex = Residents.uniqueComplex();
        String file = csv(complex);
        Response first = upload(WELFARE, file);
        first.then().statusCode(202)
                .header("Location", startsWith("/api/residents/imports/"))
                .body("total", equalTo(5));
        awaitDone(first.header("Location"));

        given().auth().oauth2(WELFARE).get(first.header("Location")).then()
                .body("done", equalTo(5))
                .body("imported", equalTo(3))
                .body("failed", equalTo(2))
                .body("report.line", contains(4, 5))
                .body("report.field", contains("birthDate", "location.lat"));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .body("items.name", containsInAnyOrder("김일순", "이 \"둘\"순", "정오식"))
                .body("items.find { it.name == '정오식' }.address.building", equalTo("201,A"))
                .body("items.find { it.name == '김일순' }.rrnMasked", equalTo("410101-2******"))
                .body("items.find { it.name == '김일순' }.careConsent", equalTo(true));

        Response again = upload(WELFARE, file);
        again.then().statusCode(202);
        awaitDone(again.header("Location"));
        given().auth().oauth2(WELFARE).get(again.header("Location")).then()
                .body("imported", equalTo(0))
                .body("skipped", equalTo(3))
                .body("failed", equalTo(2));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .body("totalItems", equalTo(3));
    }

    @Test
    void aRowTheDatabaseRefusesIsReportedAndTheRestOfTheFileIsImported() {
        String complex = Residents.uniqueComplex();
        String refused = "거부" + complex.substring(3);
        String constraint = "import_test_" + complex.substring(3).replace('-', '_');
        // A constraint refusing one name stands for any failure of the database that no rule of ours
        // foresaw: the batch fails as a whole, and its rows are registered one by one.
        sql("alter table resident add constraint " + constraint + " check (name <> '" + refused + "')");
        try {
            Response job = upload(WELFARE, "name,birthDate,sex,dong,complex\n"
                    + "앞순,1941-01-01,F,두암동," + complex + "\n"
                    + refused + ",1942-02-02,F,두암동," + complex + "\n"
                    + "뒤순,1943-03-03,F,두암동," + complex + "\n");
            awaitDone(job.header("Location"));
            given().auth().oauth2(WELFARE).get(job.header("Location")).then()
                    .body("done", equalTo(3)).body("imported", equalTo(2)).body("failed", equalTo(1))
                    .body("report.line", contains(3)).body("report.field", contains("row"));
        } finally {
            sql("alter table resident drop constraint " + constraint);
        }
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .body("items.name", containsInAnyOrder("앞순", "뒤순"));
    }

    private void sql(String statement) {
        pool.query(statement).execute().await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void aFileWithBrokenQuotingOrAnUnknownColumnIsA400AndImportsNothing() {
        String complex = Residents.uniqueComplex();
        upload(WELFARE, "name,birthDate,sex,dong,complex\n\"김순자,1945-03-02,F,두암동," + complex + "\n").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("file"));
        upload(WELFARE, "name,birthDate,sex,dong,complex\n김\"순자,1945-03-02,F,두암동," + complex + "\n").then()
                .statusCode(400).body("errors.field", hasItem("file"));
        upload(WELFARE, "name,birthDate,sex,dong,complex,shoeSize\n김순자,1945-03-02,F,두암동," + complex + ",250\n").then()
                .statusCode(400).body("errors[0].message", org.hamcrest.Matchers.containsString("shoeSize"));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .body("totalItems", equalTo(0));
        upload(CARER, "name\n").then().statusCode(403);
    }
}
