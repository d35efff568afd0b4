package org.smarttown.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The whole suite, started the way the README says ({@code ./smarttown up}) unless it already
 * runs, and stopped afterwards only if this run started it, even when the tests fail.
 */
final class LocalSuite {

    static final String GATEWAY = "http://127.0.0.1:8080";
    static final String KEYCLOAK = "http://127.0.0.1:8180";

    private static final Path HOME = Path.of(System.getProperty("smarttown.home", "..")).toAbsolutePath().normalize();
    private static boolean startedHere;

    private LocalSuite() {
    }

    static synchronized void ensureUp() {
        if (isReady()) {
            return;
        }
        startedHere = true;
        Runtime.getRuntime().addShutdownHook(new Thread(LocalSuite::stopIfStartedHere));
        int exit = run("up", Duration.ofMinutes(15));
        if (exit != 0) {
            stopIfStartedHere();
            throw new IllegalStateException("./smarttown up failed with exit code " + exit
                    + "; see e2e/target/smarttown-up.log and .run/logs/");
        }
    }

    static synchronized void stopIfStartedHere() {
        if (startedHere) {
            startedHere = false;
            run("down", Duration.ofMinutes(2));
        }
    }

    /** Stops Keycloak alone (its whole process group, as ./smarttown down would). */
    static void stopKeycloak() {
        SuiteControl.stop("keycloak", "TERM");
    }

    /**
     * After {@link #stopKeycloak}: when the suite ran before these tests, starts it again whole.
     * Keycloak alone would come back with new realm keys (up imports the realm afresh), which the
     * services, having fetched the old keys minutes ago, would refuse for up to ten minutes
     * (quarkus.oidc.token.forced-jwk-refresh-interval). When this run started the suite, it is about
     * to be stopped anyway.
     */
    static synchronized void restoreAfterKeycloakStop() {
        if (startedHere) {
            return;
        }
        run("down", Duration.ofMinutes(2));
        if (run("up", Duration.ofMinutes(15)) != 0) {
            throw new IllegalStateException("./smarttown up failed after the Keycloak stop; see e2e/target/smarttown-up.log");
        }
    }

    private static boolean isReady() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(GATEWAY + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int run(String command, Duration timeout) {
        File log = HOME.resolve("e2e/target/smarttown-" + command + ".log").toFile();
        log.getParentFile().mkdirs();
        try {
            Process process = new ProcessBuilder(HOME.resolve("smarttown").toString(), command)
                    .directory(HOME.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("Could not run ./smarttown " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
