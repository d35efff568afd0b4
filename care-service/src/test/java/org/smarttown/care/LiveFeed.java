package org.smarttown.care;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.vertx.core.json.JsonObject;

/** A listener on the live alert feed (server-sent events), as the console connects to it. */
public final class LiveFeed implements AutoCloseable {

    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    public LiveFeed(URI stream, String token) throws Exception {
        response = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(stream)
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        reader = new Thread(() -> {
            try {
                response.body().filter(line -> line.startsWith("data:"))
                        .forEach(line -> received.add(new JsonObject(line.substring(5).trim())));
            } catch (java.io.UncheckedIOException closedByTheTest) {
                // the stream ends when the test closes it
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** The alerts received so far about one resident. */
    public List<JsonObject> about(String residentId) {
        return received.stream().filter(alert -> residentId.equals(alert.getString("residentId"))).toList();
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
