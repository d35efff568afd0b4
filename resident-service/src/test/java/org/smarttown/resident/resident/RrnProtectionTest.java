package org.smarttown.resident.resident;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smarttown.resident.resident.Residents.ADMIN;
import static org.smarttown.resident.resident.Residents.AGENCY;
import static org.smarttown.resident.resident.Residents.CARER;
import static org.smarttown.resident.resident.Residents.FOUNDER;
import static org.smarttown.resident.resident.Residents.SUPERVISOR;
import static org.smarttown.resident.resident.Residents.WELFARE;
import static org.smarttown.resident.resident.Residents.full;
import static org.smarttown.resident.resident.Residents.register;
import static org.smarttown.resident.resident.Residents.uniqueComplex;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class RrnProtectionTest {

    @Inject
    Pool pool;

    /** A number no other test uses, fitting 1945-03-02 and F. */
    static String freshRrn() {
        return "450302-2" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    static String withRrn(String body, String rrn) {
        return body.replace("\"sex\":\"F\",", "\"sex\":\"F\",\"rrn\":\"" + rrn + "\",");
    }

    @Test
    void responsesShowTheNumberMaskedAndOnlyARevealWithAReasonShowsItInClear() {
        String rrn = freshRrn();
        String complex = uniqueComplex();
        String created = register(withRrn(full("마스킹", complex, true), rrn)).then()
                .statusCode(201)
                .body("rrnMasked", equalTo("450302-2******"))
                .extract().asString();
        assertFalse(created.contains(rrn.substring(7)));
        String id = io.restassured.path.json.JsonPath.from(created).getString("id");

        given().auth().oauth2(WELFARE).get("/api/residents/" + id).then()
                .body("rrnMasked", equalTo("450302-2******")).body(not(containsString(rrn.substring(7))));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .body("items[0].rrnMasked", equalTo("450302-2******")).body(not(containsString(rrn.substring(7))));

        reveal(WELFARE, id, "{\"reason\":\" \"}").then().statusCode(400).body("errors.field", hasItem("reason"));
        reveal(WELFARE, id, "{}").then().statusCode(400);
        for (String token : List.of(CARER, SUPERVISOR, ADMIN, FOUNDER, AGENCY)) {
            reveal(token, id, "{\"reason\":\"궁금해서\"}").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body("{\"reason\":\"x\"}").post("/api/residents/" + id + "/rrn-reveal")
                .then().statusCode(401);
        assertEquals(0, reveals(id).size(), "refused reveals leave no trace of a reveal");

        reveal(WELFARE, id, "{\"reason\":\"기초생활수급 신청서 작성\"}").then()
                .statusCode(200)
                .body("rrn", equalTo(rrn))
                .body("residentId", equalTo(id));
        List<Row> logged = reveals(id);
        assertEquals(1, logged.size());
        assertEquals("welfare1", logged.get(0).getString("actor"));
        assertEquals("기초생활수급 신청서 작성", logged.get(0).getString("purpose"));
    }

    @Test
    void noResponseButTheRevealShowsTheNumber() {
        String rrn = freshRrn();
        String complex = uniqueComplex();
        int tag = ThreadLocalRandom.current().nextInt(10_000);
        String name = "응답" + tag;
        String phone = String.format("\"010-%04d-%04d\"", tag, ThreadLocalRandom.current().nextInt(10_000));
        String id = register(withRrn(full(name, complex, true), rrn).replace("\"010-1234-5678\"", phone)).then()
                .statusCode(201).extract().path("id");
        // The same name, birth date and phone: a look-alike, so both appear in the duplicate queue.
        String twin = register(full(name, uniqueComplex(), true).replace("\"010-1234-5678\"", phone)).then()
                .statusCode(201).extract().path("id");
        List<String> answers = new ArrayList<>();
        answers.add(given().auth().oauth2(WELFARE).get("/api/residents/" + id).then().statusCode(200).extract().asString());
        answers.add(given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .statusCode(200).body("totalItems", equalTo(1)).extract().asString());
        answers.add(Residents.patch(WELFARE, id, "{\"address\":{\"unit\":\"707\"}}").then().statusCode(200).extract().asString());
        answers.add(given().auth().oauth2(CARER).get("/api/residents/" + id + "/risk").then().statusCode(200).extract().asString());
        answers.add(given().auth().oauth2(WELFARE).queryParam("residentId", twin).get("/api/residents/duplicates").then()
                .statusCode(200).body("items.other.id", hasItem(id)).extract().asString());
        String household = given().auth().oauth2(WELFARE).contentType(ContentType.JSON)
                .body("{\"name\":\"응답 세대\",\"members\":[{\"residentId\":\"" + id + "\",\"head\":true,\"from\":\"2024-01-01\"}]}")
                .post("/api/residents/households").then().statusCode(201).extract().path("id");
        answers.add(given().auth().oauth2(SUPERVISOR).get("/api/residents/households/" + household).then().statusCode(200)
                .extract().asString());
        answers.add(given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents/households").then()
                .statusCode(200).body("items.id", hasItem(household)).extract().asString());
        answers.add(given().auth().oauth2(WELFARE).contentType(ContentType.JSON)
                .body("{\"status\":\"MOVED_OUT\",\"reason\":\"전출\"}").post("/api/residents/" + id + "/deactivate").then()
                .statusCode(200).extract().asString());
        answers.add(given().auth().oauth2(ADMIN).queryParam("residentId", id).get("/api/residents/access-log").then()
                .statusCode(200).body("items.action", hasItem("CREATE")).extract().asString());
        answers.add(given().auth().oauth2(WELFARE).get("/api/residents/map").then().statusCode(200).extract().asString());

        answers.forEach(answer -> assertNoNumber(rrn, answer));
        answers.forEach(answer -> assertFalse(answer.contains("rrnCipher") || answer.contains("rrnHash"), answer));
        reveal(WELFARE, id, "{\"reason\":\"대조\"}").then().statusCode(200).body("rrn", equalTo(rrn));
    }

    @Test
    void aSecondResidentWithTheSameNumberIsA409NamingTheFirst() {
        String rrn = freshRrn();
        String complex = uniqueComplex();
        String first = register(withRrn(full("첫째", complex, true), rrn)).then().statusCode(201).extract().path("id");

        register(withRrn(full("둘째", complex, true), rrn)).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:duplicate-rrn"))
                .body("detail", containsString(first))
                .body(not(containsString(rrn.substring(7))));
        given().auth().oauth2(WELFARE).queryParam("complex", complex).get("/api/residents").then()
                .body("totalItems", equalTo(1));
    }

    @Test
    void eachKindOfBadNumberIsA400NamingTheFieldAndStoresNothing() {
        long before = ResidentResourceTest.total();
        String complex = uniqueComplex();
        for (String bad : List.of("451302-2345678", "450230-2345678", "450302-4345678", "450302-1345678",
                "45O302-2345678", "4503022345678", "450302-23456")) {
            String body = withRrn(full("오류", complex, true), bad);
            if (bad.startsWith("450230")) {
                body = body.replace("1945-03-02", "1945-02-28");
            }
            register(body).then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("rrn"))
                    .body(not(containsString(bad)));
        }
        ResidentResourceTest.assertTotal(before);
    }

    @Test
    void theDatabaseHoldsOnlyCiphertextAHashAndTheMask() {
        String rrn = freshRrn();
        String id = register(withRrn(full("암호화", uniqueComplex(), true), rrn)).then().statusCode(201).extract().path("id");
        reveal(WELFARE, id, "{\"reason\":\"확인\"}").then().statusCode(200);

        Row row = pool.preparedQuery("select rrn_cipher, rrn_key_id, rrn_hash, rrn_masked, row_to_json(r)::text as whole "
                + "from resident r where id = $1").execute(Tuple.of(java.util.UUID.fromString(id)))
                .await().indefinitely().iterator().next();
        assertTrue(row.getString("rrn_cipher").startsWith("test2:"), "encrypted under the active key, naming it");
        assertEquals("test2", row.getString("rrn_key_id"));
        assertEquals(64, row.getString("rrn_hash").length());
        // A keyed hash (HMAC-SHA256 under smarttown.rrn.hmac-key): a plain digest of a number whose first
        // seven digits the birth date and sex give away could be reversed by trying a million numbers.
        String digits = rrn.replace("-", "");
        assertNotEquals(sha256(digits), row.getString("rrn_hash"));
        assertEquals(hmac(digits), row.getString("rrn_hash"));
        assertEquals("450302-2******", row.getString("rrn_masked"));
        assertNoNumber(rrn, row.getString("whole"));
        String about = pool.preparedQuery("select coalesce(string_agg(t, ' '), '') from ("
                + "select payload::text as t from outbox_message where payload -> 'data' ->> 'residentId' = $1 union all "
                + "select coalesce(purpose, '') || coalesce(changes, '') from access_log where resident_id = $2) x")
                .execute(Tuple.of(id, java.util.UUID.fromString(id))).await().indefinitely().iterator().next().getString(0);
        assertTrue(about.contains("ResidentRegistered") && about.contains("확인"), "the event and the reveal were read");
        assertNoNumber(rrn, about);
        // Every table, including any added later, holds the whole number nowhere, with or without its hyphen.
        List<String> tables = new ArrayList<>();
        pool.query("select table_name from information_schema.tables where table_schema = current_schema() "
                + "and table_type = 'BASE TABLE'").execute().await().indefinitely()
                .forEach(table -> tables.add(table.getString(0)));
        assertTrue(tables.containsAll(List.of("resident", "outbox_message", "access_log", "resident_import")), tables.toString());
        for (String table : tables) {
            long rows = pool.preparedQuery("select count(*) from \"" + table + "\" t where strpos(t::text, $1) > 0 "
                    + "or strpos(t::text, $2) > 0").execute(Tuple.of(rrn, digits)).await().indefinitely()
                    .iterator().next().getLong(0);
            assertEquals(0, rows, "rows of " + table + " holding the number");
        }
    }

    @Test
    void theLogOfARunThatCreatesAndRevealsNeverShowsTheNumber() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters())
                        + " " + (record.getThrown() == null ? "" : String.valueOf(record.getThrown())));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String rrn = freshRrn();
        String imported = freshRrn();
        try {
            String id = register(withRrn(full("로그", uniqueComplex(), true), rrn)).then().statusCode(201).extract().path("id");
            register(withRrn(full("로그중복", uniqueComplex(), true), rrn)).then().statusCode(409);
            register(withRrn(full("로그오류", uniqueComplex(), true), rrn.replace("450302", "451302"))).then().statusCode(400);
            reveal(WELFARE, id, "{\"reason\":\"로그 확인\"}").then().statusCode(200).body("rrn", equalTo(rrn));
            // An import creates residents too: a good row, a bad number and a second row with the same number.
            String csv = "name,birthDate,sex,rrn,dong,complex\n"
                    + "로그가져옴,1945-03-02,F," + imported + ",두암동," + uniqueComplex() + "\n"
                    + "로그가져옴오류,1945-03-02,F," + imported.replace("450302", "451302") + ",두암동," + uniqueComplex() + "\n"
                    + "로그가져옴중복,1945-03-02,F," + imported + ",두암동," + uniqueComplex() + "\n";
            String job = given().auth().oauth2(WELFARE).contentType("text/csv; charset=UTF-8").body(csv)
                    .post("/api/residents/imports").then().statusCode(202).extract().header("Location");
            await().atMost(Duration.ofSeconds(30)).until(() -> "DONE".equals(
                    given().auth().oauth2(WELFARE).get(job).then().statusCode(200).extract().path("status")));
            String report = given().auth().oauth2(WELFARE).get(job).then().body("imported", equalTo(1))
                    .body("report.field", contains("rrn", "rrn")).extract().asString();
            assertNoNumber(imported, report);
            Logger.getLogger("org.smarttown.probe").info("log capture works"); // proves the handler sees records
        } finally {
            root.removeHandler(capture);
        }
        assertTrue(lines.stream().anyMatch(l -> l.contains("log capture works")));
        lines.forEach(line -> assertNoNumber(rrn, line));
        lines.forEach(line -> assertNoNumber(imported, line));
    }

    private static void assertNoNumber(String rrn, String text) {
        assertFalse(text.contains(rrn), "the number in clear");
        assertFalse(text.contains(rrn.replace("-", "")), "the number without its hyphen");
        assertFalse(text.contains(rrn.substring(7)), "the number's secret part");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(
                    ConfigProvider.getConfig().getValue("smarttown.rrn.hmac-key", String.class)), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static io.restassured.response.Response reveal(String token, String id, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/api/residents/" + id + "/rrn-reveal");
    }

    private List<Row> reveals(String id) {
        List<Row> rows = new java.util.ArrayList<>();
        pool.preparedQuery("select actor, purpose from access_log where resident_id = $1 and action = 'RRN_REVEAL'")
                .execute(Tuple.of(java.util.UUID.fromString(id))).await().indefinitely().forEach(rows::add);
        return rows;
    }
}
