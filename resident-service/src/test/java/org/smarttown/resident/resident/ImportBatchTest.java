package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.smarttown.resident.resident.Residents.ADMIN;
import static org.smarttown.resident.resident.Residents.WELFARE;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Imports that span several batches (250 rows per transaction) and the columns for contacts,
 * benefits and conditions. Every row keeps its own outcome, and the rules of a single
 * registration hold across batch boundaries and inside one batch.
 */
@QuarkusTest
class ImportBatchTest {

    @Inject
    Pool pool;

    private static Response upload(String csv) {
        return given().auth().oauth2(WELFARE).contentType("text/csv; charset=UTF-8").body(csv).post("/api/residents/imports");
    }

    private static void awaitDone(String location) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> "DONE".equals(
                given().auth().oauth2(WELFARE).get(location).then().statusCode(200).extract().path("status")));
    }

    private static String rrn(LocalDate birth, int serial) {
        return String.format("%02d%02d%02d-2%06d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth(), serial);
    }

    @Test
    void sixHundredRowsInThreeBatchesKeepEveryRowsOutcomeAndAReimportCreatesNothing() {
        String complex = Residents.uniqueComplex();
        int salt = (int) (Math.random() * 900_000);
        StringBuilder csv = new StringBuilder("name,birthDate,sex,rrn,phone,dong,complex,categories,careConsent\n");
        for (int i = 1; i <= 600; i++) {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(i);
            String name = "일괄" + i;
            String birthDate = birth.toString();
            String rrn = i % 3 == 0 ? rrn(birth, (salt + i) % 1_000_000) : "";
            String phone = String.format("010-%04d-%04d", salt % 10_000, i);
            if (i == 10) {
                // The same person as row 5, in the same batch: imported once.
                name = "일괄5";
                birthDate = LocalDate.of(1940, 1, 1).plusDays(5).toString();
                phone = String.format("010-%04d-%04d", salt % 10_000, 5);
            }
            if (i == 300) {
                // Row 3's registration number under another name, in the next batch: refused.
                rrn = rrn(LocalDate.of(1940, 1, 1).plusDays(3), (salt + 3) % 1_000_000);
                birthDate = LocalDate.of(1940, 1, 1).plusDays(3).toString();
            }
            if (i == 12) {
                // Row 11's registration number again, in the same batch: refused.
                birthDate = LocalDate.of(1940, 1, 1).plusDays(11).toString();
                rrn = rrn(LocalDate.of(1940, 1, 1).plusDays(11), (salt + 11) % 1_000_000);
            }
            if (i == 11) {
                rrn = rrn(birth, (salt + 11) % 1_000_000);
            }
            if (i == 520) {
                // Row 510's phone: a look-alike for the queue, and still registered.
                phone = String.format("010-%04d-%04d", salt % 10_000, 510);
            }
            if (i == 400) {
                birthDate = "1940-02-30";
            }
            csv.append(name).append(',').append(birthDate).append(",F,").append(rrn).append(',').append(phone)
                    .append(",두암동,").append(complex).append(",ELDERLY,Y\n");
        }
        Response first = upload(csv.toString());
        first.then().statusCode(202).body("total", equalTo(600));
        awaitDone(first.header("Location"));
        given().auth().oauth2(WELFARE).get(first.header("Location")).then()
                .body("done", equalTo(600)).body("imported", equalTo(596)).body("skipped", equalTo(1))
                .body("failed", equalTo(3))
                .body("report.line", contains(13, 301, 401))
                .body("report.field", contains("rrn", "rrn", "birthDate"));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .body("totalItems", equalTo(596));
        // One ResidentRegistered event and one CREATE line in the access log per imported resident.
        assertEquals(596L, count("select count(*) from outbox_message where event_type = 'ResidentRegistered' "
                + "and payload -> 'data' ->> 'complex' = $1", complex));
        assertEquals(596L, count("select count(*) from access_log a join resident r on r.id = a.resident_id "
                + "where a.action = 'CREATE' and r.complex = $1", complex));

        String lookAlike = given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("q", "일괄520")
                .get("/api/residents").then().extract().path("items[0].id");
        String original = given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("q", "일괄510")
                .get("/api/residents").then().extract().path("items[0].id");
        given().auth().oauth2(WELFARE).queryParam("residentId", lookAlike).get("/api/residents/duplicates").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].reason", equalTo("PHONE"));
        given().auth().oauth2(ADMIN).queryParam("residentId", lookAlike).get("/api/residents/access-log").then()
                .body("items.action", hasItem("CREATE"));
        org.junit.jupiter.api.Assertions.assertNotEquals(lookAlike, original);

        Response again = upload(csv.toString());
        awaitDone(again.header("Location"));
        given().auth().oauth2(WELFARE).get(again.header("Location")).then()
                .body("imported", equalTo(0)).body("skipped", equalTo(597)).body("failed", equalTo(3));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .body("totalItems", equalTo(596));
        assertEquals(596L, count("select count(*) from outbox_message where event_type = 'ResidentRegistered' "
                + "and payload -> 'data' ->> 'complex' = $1", complex), "a re-import publishes nothing");
    }

    private long count(String sql, String parameter) {
        return pool.preparedQuery(sql).execute(Tuple.of(parameter)).await().atMost(Duration.ofSeconds(10))
                .iterator().next().getLong(0);
    }

    @Test
    void contactsBenefitsAndConditionsComeFromTheirColumnsUnderKoreanOrEnglishHeaders() {
        String complex = Residents.uniqueComplex();
        String korean = "이름,생년월일,성별,행정동,단지,분류,급여종류,질환,보호자성명,보호자관계,보호자연락처,"
                + "비상연락처2 이름,비상연락처2 관계,비상연락처2 전화\n"
                + "연락순,1944-04-04,여,두암동," + complex + ",BASIC_LIVELIHOOD;CHRONIC_ILLNESS,생계;의료급여,고혈압; 당뇨,"
                + "박민수,아들,010-2222-3333,박민지,딸,010-4444-5555\n"
                + "반쪽순,1944-05-05,여,두암동," + complex + ",ELDERLY,,,박반쪽,아들,,,,\n"
                + "복지순,1944-06-06,여,두암동," + complex + ",BASIC_LIVELIHOOD,복지,,,,,,,\n"
                + "질환순,1944-07-07,여,두암동," + complex + ",ELDERLY,,천식,,,,,,\n";
        Response first = upload(korean);
        awaitDone(first.header("Location"));
        given().auth().oauth2(WELFARE).get(first.header("Location")).then()
                .body("imported", equalTo(1)).body("failed", equalTo(3))
                .body("report.line", contains(3, 4, 5))
                .body("report.field", contains("emergencyContacts[0].phone", "benefitTypes", "conditions"));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .body("items[0].name", equalTo("연락순"))
                .body("items[0].benefitTypes", containsInAnyOrder("LIVELIHOOD", "MEDICAL"))
                .body("items[0].conditions", contains("고혈압", "당뇨"))
                .body("items[0].emergencyContacts.name", contains("박민수", "박민지"))
                .body("items[0].emergencyContacts.relation", contains("아들", "딸"))
                .body("items[0].emergencyContacts.phone", contains("010-2222-3333", "010-4444-5555"));

        String english = "name,birthDate,sex,dong,complex,categories,benefitTypes,conditions,"
                + "contact1Name,contact1Relation,contact1Phone\n"
                + "Kim Ok,1944-08-08,F,두암동," + complex + ",BASIC_LIVELIHOOD;CHRONIC_ILLNESS,HOUSING|EDUCATION,asthma,"
                + "Lee Son,SON,010-6666-7777\n";
        Response second = upload(english);
        awaitDone(second.header("Location"));
        given().auth().oauth2(WELFARE).get(second.header("Location")).then().body("imported", equalTo(1));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).queryParam("q", "kim ok").get("/api/residents")
                .then().body("items[0].benefitTypes", containsInAnyOrder("HOUSING", "EDUCATION"))
                .body("items[0].conditions", contains("asthma"))
                .body("items[0].emergencyContacts[0].order", equalTo(1))
                .body("items[0].emergencyContacts[0].name", equalTo("Lee Son"));
    }
}
