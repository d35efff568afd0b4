package org.smarttown.e2e;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Requests through the gateway that wait out its per-caller rate limit (429 + Retry-After). */
final class Gateway {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Gateway() {
    }

    /** A call through the gateway with a bearer token and, unless it is null, a JSON body. */
    static HttpResponse<String> send(String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(LocalSuite.GATEWAY + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + token);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends the request; on 429 waits as long as Retry-After says and asks again (up to 20 times). */
    static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<T> response = HTTP.send(request, body);
            if (response.statusCode() != 429 || attempt >= 20) {
                return response;
            }
            if (response.body() instanceof java.io.InputStream stream) {
                stream.close();
            }
            Thread.sleep(1000L * Math.max(1, response.headers().firstValueAsLong("Retry-After").orElse(1)));
        }
    }
}
