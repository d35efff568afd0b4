package org.smarttown.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.smarttown.gateway.FakeServices;
import org.smarttown.gateway.Tokens;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class ProxyStreamingTest {

    static final String TOKEN = Tokens.user("carer1", "care-worker");
    static final int LIMIT = 1024 * 1024;

    // HTTP/1.1 on purpose: the JDK client would otherwise try an h2c upgrade first.
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource
    URI gateway;

    FakeServices services;

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(gateway.resolve(path)).header("Authorization", "Bearer " + TOKEN);
    }

    /** Opens an event stream through the gateway; returns once its head has arrived (at most 5 s). */
    private HttpResponse<Stream<String>> openEventStream(String path) throws Exception {
        HttpResponse<Stream<String>> response = http
                .sendAsync(request(path).header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofLines())
                .get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElseThrow());
        return response;
    }

    @Test
    void serverSentEventsArriveOneByOneWhileTheServiceHoldsTheStreamOpen() throws Exception {
        String path = "/api/care/alerts/" + UUID.randomUUID() + "/stream";
        CompletableFuture<Void> release = new CompletableFuture<>();
        services.answer(path, FakeServices.eventStream(release, "fall", "sos", "inactivity"));

        HttpResponse<Stream<String>> response = openEventStream(path);
        Iterator<String> lines = response.body().iterator();

        // The service sends nothing more until released: a gateway that buffered would never show this line.
        assertEquals("data: fall", within(5, lines::next));

        release.complete(null);
        assertEquals("", within(5, lines::next));
        assertEquals("data: sos", within(5, lines::next));
        assertEquals("", within(5, lines::next));
        assertEquals("data: inactivity", within(5, lines::next));
        assertEquals("", within(5, lines::next));
        assertFalse(within(5, lines::hasNext));
    }

    @Test
    void anEventStreamOpensForTheCallerBeforeItsFirstEvent() throws Exception {
        // A browser's EventSource reports the stream open (and a live board shows "live") on the head alone.
        String path = "/api/care/alerts/" + UUID.randomUUID() + "/stream";
        CompletableFuture<Void> release = new CompletableFuture<>();
        services.answer(path, FakeServices.quietEventStream(release, "sos"));

        HttpResponse<Stream<String>> response = openEventStream(path);

        release.complete(null);
        Iterator<String> lines = response.body().iterator();
        assertEquals("data: sos", within(5, lines::next));
    }

    @Test
    void threeHundredCallersWatchingOneServicesStreamAllGetTheirFirstEvent() throws Exception {
        // Each open stream holds a connection to its service. The gateway runs one event loop, so its one
        // pool must hold them all: with the 200 a pool had when there were several loops, the rest would
        // wait for a free connection and never open.
        String path = "/api/care/alerts/" + UUID.randomUUID() + "/stream";
        CompletableFuture<Void> release = new CompletableFuture<>();
        services.answer(path, FakeServices.eventStream(release, "open"));
        HttpRequest watch = request(path).header("Accept", "text/event-stream").build();
        List<CompletableFuture<HttpResponse<Stream<String>>>> opening = IntStream.range(0, 300)
                .mapToObj(i -> http.sendAsync(watch, HttpResponse.BodyHandlers.ofLines()))
                .toList();
        List<HttpResponse<Stream<String>>> open = new ArrayList<>();
        try {
            for (CompletableFuture<HttpResponse<Stream<String>>> stream : opening) {
                HttpResponse<Stream<String>> response = stream.get(20, TimeUnit.SECONDS);
                open.add(response);
                assertEquals(200, response.statusCode());
                assertEquals("data: open", within(5, response.body().iterator()::next));
            }
        } finally {
            release.complete(null);
            open.forEach(response -> response.body().close());
        }
    }

    @Test
    void aRequestBodyReachesTheServiceWhileTheCallerIsStillSendingIt() throws Exception {
        String path = "/api/coworking/uploads/" + UUID.randomUUID();
        // A publisher rather than a piped stream: the JDK client may read a stream on its I/O thread,
        // and a read that blocks there would hold back the very chunk this test waits for.
        try (SubmissionPublisher<ByteBuffer> body = new SubmissionPublisher<>()) {
            CompletableFuture<HttpResponse<String>> response = http.sendAsync(
                    request(path).POST(HttpRequest.BodyPublishers.fromPublisher(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            awaitSubscriber(body);
            body.submit(ByteBuffer.wrap("first half,".getBytes(StandardCharsets.UTF_8)));

            FakeServices.Arrival arrival = waitForArrival(path);
            arrival.firstBytes.get(5, TimeUnit.SECONDS);
            assertFalse(arrival.ended.isDone());
            assertEquals("first half,", arrival.body());

            body.submit(ByteBuffer.wrap("second half".getBytes(StandardCharsets.UTF_8)));
            body.close();
            assertEquals(200, response.get(5, TimeUnit.SECONDS).statusCode());
            arrival.ended.get(5, TimeUnit.SECONDS);
            assertEquals("first half,second half", arrival.body());
        }
    }

    @Test
    void aBodyDeclaredOverTheLimitIsA413ProblemAndNoServiceIsReached() {
        String path = "/api/residents/" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(new byte[LIMIT + 1])
                .post(path).then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:smarttown:problem:payload-too-large"))
                .body("status", equalTo(413))
                .body("instance", equalTo(path));
        assertEquals(List.of(), services.arrivalsAt(path));
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIsA413ProblemAndNeverReachesTheServiceWhole() throws Exception {
        String path = "/api/residents/" + UUID.randomUUID();
        byte[] tooMuch = new byte[LIMIT + LIMIT / 2];

        // An input stream of unknown length makes the JDK client send the body chunked, without Content-Length.
        HttpResponse<String> response = http.send(
                request(path).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooMuch)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("urn:smarttown:problem:payload-too-large", new JsonObject(response.body()).getString("type"));
        for (FakeServices.Arrival arrival : services.arrivalsAt(path)) {
            assertFalse(arrival.ended.isDone(), "the service got the whole oversized request");
            assertTrue(arrival.bodyLength() <= LIMIT, "the service got more than the limit");
        }
    }

    @Test
    void aBodyUpToTheLimitPasses() {
        String path = "/api/residents/" + UUID.randomUUID();
        given().auth().oauth2(TOKEN).contentType("application/octet-stream").body(new byte[LIMIT])
                .post(path).then()
                .statusCode(200)
                .body("bodyLength", equalTo(LIMIT));
    }

    FakeServices.Arrival waitForArrival(String path) throws InterruptedException {
        for (int i = 0; i < 250; i++) {
            List<FakeServices.Arrival> arrivals = services.arrivalsAt(path);
            if (!arrivals.isEmpty()) {
                return arrivals.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("No request reached " + path);
    }

    static void awaitSubscriber(SubmissionPublisher<?> publisher) throws InterruptedException {
        for (int i = 0; i < 250 && publisher.getNumberOfSubscribers() == 0; i++) {
            Thread.sleep(20);
        }
        assertEquals(1, publisher.getNumberOfSubscribers(), "the client never asked for the body");
    }

    static <T> T within(int seconds, java.util.concurrent.Callable<T> read) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(seconds, TimeUnit.SECONDS);
    }
}
