package org.smarttown.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/** The five workloads as the repository defines them, read from their own configuration. */
final class Suite {

    static final Set<String> WORKLOADS = Set.of(
            "gateway", "resident-service", "care-service", "coworking-service", "startup-mentoring-service");

    static final Map<String, String> ROUTES = Map.of(
            "resident-service", "RESIDENTS", "care-service", "CARE", "coworking-service", "COWORKING",
            "startup-mentoring-service", "MENTORING");

    /** Secrets the chart's defaults read without rendering; k8s/README.md must tell how to create each. */
    static final Set<String> EXTERNAL_SECRETS = Set.of(
            "smarttown-db-residents", "smarttown-db-care", "smarttown-db-coworking", "smarttown-db-mentoring",
            "smarttown-broker-credentials-secret", "smarttown-rrn-keys", "smarttown-webhook-keys",
            "smarttown-oidc-clients", "smarttown-tls");

    private Suite() {
    }

    /** quarkus.http.port from the workload's application.properties (read only). */
    static int httpPort(String workload) {
        return Integer.parseInt(applicationProperties(workload).getProperty("quarkus.http.port"));
    }

    static Properties applicationProperties(String workload) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(
                Chart.root().resolve(workload).resolve("src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
