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
