package org.smarttown.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A person signs in to a web app the way a browser does: the gateway sends them to Keycloak's
 * sign-in page (code flow with PKCE), Keycloak sends them back, and the session cookie then opens
 * the pages their role allows and carries their API calls to the services.
 */
class BrowserSignInIT {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    @BeforeAll
    static void startSuite() {
        LocalSuite.ensureUp();
    }

    /**
     * A browser: its own cookie jar, redirects followed by hand so each step can be checked. Like a
     * real browser it sends cookies marked Secure to 127.0.0.1, a trustworthy origin even over http
     * (Keycloak marks its sign-in cookies Secure); java.net's CookieManager would not.
     */
    static final class Browser {
        final HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        /** name → (path, value); one host, so the name is enough to tell cookies apart. */
        final Map<String, String[]> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(String url) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).GET(), url);
        }

        HttpResponse<String> postForm(String url, String form) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)), url);
        }

        private HttpResponse<String> send(HttpRequest.Builder request, String url) throws IOException, InterruptedException {
            String path = URI.create(url).getRawPath();
            String header = cookies.entrySet().stream()
                    .filter(cookie -> path.startsWith(cookie.getValue()[0]))
                    .map(cookie -> cookie.getKey() + "=" + cookie.getValue()[1])
                    .collect(Collectors.joining("; "));
            if (!header.isEmpty()) {
                request.header("Cookie", header);
            }
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String setCookie : response.headers().allValues("Set-Cookie")) {
                remember(setCookie);
            }
            return response;
        }

        private void remember(String setCookie) {
            String[] parts = setCookie.split(";");
            int eq = parts[0].indexOf('=');
            String name = parts[0].substring(0, eq).trim();
            String value = parts[0].substring(eq + 1).trim();
            String cookiePath = "/";
            boolean expired = value.isEmpty();
            for (String attribute : parts) {
                String a = attribute.trim().toLowerCase(Locale.ROOT);
                if (a.startsWith("path=")) {
                    cookiePath = attribute.trim().substring(5);
                } else if (a.equals("max-age=0") || a.startsWith("expires=thu, 01 jan 1970")) {
                    expired = true;
                }
            }
            if (expired) {
                cookies.remove(name);
            } else {
                cookies.put(name, new String[] { cookiePath, value });
            }
        }

        /** Opens a page; when sent to sign in, signs in and follows the way back. @return the final answer */
        HttpResponse<String> open(String url, String user) throws IOException, InterruptedException {
            HttpResponse<String> response = get(url);
            assertEquals(302, response.statusCode(), "a page without a session redirects to sign in");
            String signIn = location(response);
            assertTrue(signIn.startsWith(LocalSuite.KEYCLOAK + "/realms/smarttown/protocol/openid-connect/auth"), signIn);
            assertTrue(signIn.contains("code_challenge_method=S256"), "PKCE is used: " + signIn);

            HttpResponse<String> form = get(signIn);
            Matcher action = FORM_ACTION.matcher(form.body());
            assertTrue(action.find(), "Keycloak shows its sign-in form");
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password=smarttown";
            HttpResponse<String> signedIn = postForm(action.group(1).replace("&amp;", "&"), body);
            assertEquals(302, signedIn.statusCode(), "Keycloak accepts the demo login");

            response = get(location(signedIn));
            for (int hops = 0; response.statusCode() == 302 && hops < 5; hops++) {
                response = get(absolute(location(response)));
            }
            return response;
        }

        private static String location(HttpResponse<?> response) {
            return response.headers().firstValue("Location").orElseThrow();
        }

        private static String absolute(String location) {
            return location.startsWith("/") ? LocalSuite.GATEWAY + location : location;
        }
    }

    @Test
    void staffSignInOpensTheConsoleAndTheirSessionCallsTheApis() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> console = browser.open(LocalSuite.GATEWAY + "/staff/", "welfare1");
        assertEquals(200, console.statusCode());
        assertTrue(console.body().contains("직원 콘솔"));

        // No Authorization header: the gateway relays the session's access token to resident-service.
        HttpResponse<String> residents = browser.get(LocalSuite.GATEWAY + "/api/residents?size=1");
        assertEquals(200, residents.statusCode(), residents.body());
        assertTrue(residents.body().contains("totalItems"));

        HttpResponse<String> logout = browser.get(LocalSuite.GATEWAY + "/logout");
        assertEquals(302, logout.statusCode());
        assertTrue(logout.headers().firstValue("Location").orElseThrow()
                .startsWith(LocalSuite.KEYCLOAK + "/realms/smarttown/protocol/openid-connect/logout"),
                "logout ends the Keycloak session too");
        assertEquals(302, browser.get(LocalSuite.GATEWAY + "/staff/").statusCode(), "signed out: sign in again");
    }

    @Test
    void aFounderMayNotOpenTheStaffConsoleButMayOpenTheBookingPage() throws Exception {
        Browser browser = new Browser();
        assertEquals(403, browser.open(LocalSuite.GATEWAY + "/staff/", "founder1").statusCode());
        HttpResponse<String> booking = browser.get(LocalSuite.GATEWAY + "/book/");
        assertEquals(200, booking.statusCode());
        assertTrue(booking.body().contains("예약"));
    }
}
