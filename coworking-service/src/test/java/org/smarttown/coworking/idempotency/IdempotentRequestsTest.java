package org.smarttown.coworking.idempotency;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.smarttown.commons.testing.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** commons' IdempotentRequests, through HTTP against the real database. */
@QuarkusTest
class IdempotentRequestsTest {

    static final String FOUNDER = TestTokens.user("founder1", "founder");
    static final String PATH = "/api/coworking/test-idempotency";

    static Response order(String token, String key, String body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(PATH);
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswerWithoutRunningTwice() {
        String key = UUID.randomUUID().toString();
        Response first = order(FOUNDER, key, "{\"item\":\"desk\",\"quantity\":1}");
        first.then().statusCode(201);
        int runsAfterFirst = CountingResource.RUNS.get();

        Response retry = order(FOUNDER, key, "{\"item\":\"desk\",\"quantity\":1}");
        retry.then().statusCode(201)
                .header("Location", equalTo(first.header("Location")))
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")));
        assertEquals(runsAfterFirst, CountingResource.RUNS.get());
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        String a = order(FOUNDER, null, "{\"item\":\"booth\",\"quantity\":1}").then().statusCode(201).extract().path("id");
        String b = order(FOUNDER, null, "{\"item\":\"booth\",\"quantity\":1}").then().statusCode(201).extract().path("id");
        assertEquals(false, a.equals(b));
    }

    @Test
    void theSameKeyForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        order(FOUNDER, key, "{\"item\":\"desk\",\"quantity\":1}").then().statusCode(201);
        order(FOUNDER, key, "{\"item\":\"desk\",\"quantity\":2}").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:idempotency-key-reused"));
    }

    @Test
    void keysBelongToTheirCaller() {
        String key = UUID.randomUUID().toString();
        String mine = order(FOUNDER, key, "{\"item\":\"room\",\"quantity\":1}").then().statusCode(201).extract().path("id");
        String theirs = order(TestTokens.user("founder2", "founder"), key, "{\"item\":\"room\",\"quantity\":1}")
                .then().statusCode(201).extract().path("id");
        assertEquals(false, mine.equals(theirs));
    }

    @Test
    void aKeyThatIsTooLongIsA400() {
        order(FOUNDER, "k".repeat(201), "{\"item\":\"desk\",\"quantity\":1}").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void concurrentRetriesRunTheWriteOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = CountingResource.RUNS.get();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Callable<String>> calls = IntStream.range(0, 20).<Callable<String>> mapToObj(i -> () -> order(FOUNDER, key,
                    "{\"item\":\"desk\",\"quantity\":3}").then().statusCode(201).extract().path("id")).toList();
            Set<String> ids = pool.invokeAll(calls).stream().map(IdempotentRequestsTest::get).collect(Collectors.toSet());
            assertEquals(1, ids.size(), "every retry got the first answer");
            assertEquals(before + 1, CountingResource.RUNS.get(), "the write ran once");
        } finally {
            pool.shutdownNow();
        }
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
