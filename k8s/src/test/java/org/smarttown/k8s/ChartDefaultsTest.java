package org.smarttown.k8s;

import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart with its default values: what `helm install` without overrides would create. */
class ChartDefaultsTest {

    private static List<HasMetadata> objects;

    @BeforeAll
    static void render() {
        String manifests = Chart.template();
        Chart.write("default", manifests);
        objects = Chart.parse(manifests);
    }

    @Test
    void chartLintsCleanInStrictMode() {
        LintResult result = Chart.lint();
        assertThat(result.isFailed()).as(String.join("\n", result.getMessages())).isFalse();
    }

    @Test
    void renderedSuiteIsWrittenToTargetRendered() throws Exception {
        assertThat(Files.readString(Chart.renderedDir().resolve("default.yaml")))
                .contains("kind: Deployment", "name: resident-service");
    }

    @Test
    void renderedSuiteBreaksNoRule() {
        assertThat(ManifestRules.check(objects, Suite.EXTERNAL_SECRETS)).isEmpty();
    }

    @Test
    void installsTheFiveWorkloadsEachWithItsServiceAccountServiceAndNetworkPolicy() {
        assertThat(Chart.byName(objects, Deployment.class).keySet()).containsExactlyInAnyOrderElementsOf(Suite.WORKLOADS);
        assertThat(Chart.byName(objects, Service.class).keySet()).containsExactlyInAnyOrderElementsOf(Suite.WORKLOADS);
        for (String workload : Suite.WORKLOADS) {
            assertThat(objects).anySatisfy(o -> {
                assertThat(o.getKind()).isEqualTo("ServiceAccount");
                assertThat(o.getMetadata().getName()).isEqualTo(workload);
            });
            assertThat(objects).anySatisfy(o -> {
                assertThat(o.getKind()).isEqualTo("NetworkPolicy");
                assertThat(o.getMetadata().getName()).isEqualTo(workload);
            });
        }
    }

    @Test
    void everyPortIsTheHttpPortTheWorkloadIsConfiguredWith() {
        Map<String, Deployment> deployments = Chart.byName(objects, Deployment.class);
        Map<String, Service> services = Chart.byName(objects, Service.class);
        Map<String, ConfigMap> configs = Chart.byName(objects, ConfigMap.class);
        assertThat(Map.of("gateway", 8080, "resident-service", 8081, "care-service", 8082,
                "coworking-service", 8083, "startup-mentoring-service", 8084))
                .allSatisfy((workload, port) -> {
                    assertThat(Suite.httpPort(workload)).as(workload + " application.properties").isEqualTo(port);
                    Container container = deployments.get(workload).getSpec().getTemplate().getSpec().getContainers().get(0);
                    assertThat(container.getPorts()).singleElement().satisfies(p -> {
                        assertThat(p.getContainerPort()).isEqualTo(port);
                        assertThat(p.getName()).isEqualTo("http");
                    });
                    assertThat(container.getLivenessProbe().getHttpGet().getPort().getStrVal()).isEqualTo("http");
                    assertThat(services.get(workload).getSpec().getPorts()).singleElement().satisfies(p -> {
                        assertThat(p.getPort()).isEqualTo(port);
                        assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
                    });
                    assertThat(configs.get(workload + "-config").getData()).containsEntry("QUARKUS_HTTP_PORT", port.toString());
                });
    }

    @Test
    void gatewayRoutesToEachServiceByItsServiceNameAndPort() {
        Map<String, String> gateway = Chart.byName(objects, ConfigMap.class).get("gateway-config").getData();
        Suite.ROUTES.forEach((workload, route) -> assertThat(gateway)
                .containsEntry("SMARTTOWN_GATEWAY_ROUTES_" + route + "_URL",
                        "http://" + workload + ":" + Suite.httpPort(workload)));
        // The gateway has no database or broker: it gets neither address nor credentials.
        assertThat(gateway).doesNotContainKeys("SMARTTOWN_DB_HOST", "AMQP_HOST");
        assertThat(envNames("gateway")).doesNotContain("QUARKUS_DATASOURCE_PASSWORD", "AMQP_PASSWORD",
                "SMARTTOWN_RRN_KEYS_PRIMARY");
    }

    @Test
    void onlyTheResidentServiceReadsTheRrnKeys() {
        assertThat(envNames("resident-service")).contains("SMARTTOWN_RRN_KEYS_PRIMARY", "SMARTTOWN_RRN_HMAC_KEY");
        for (String other : List.of("gateway", "care-service", "coworking-service", "startup-mentoring-service")) {
            assertThat(envNames(other)).doesNotContain("SMARTTOWN_RRN_KEYS_PRIMARY", "SMARTTOWN_RRN_HMAC_KEY");
        }
    }

    @Test
    void onlyTheMentoringServiceReadsTheWebhookSecretKey() {
        assertThat(envNames("startup-mentoring-service")).contains("SMARTTOWN_WEBHOOK_SECRETS_ACTIVE_KEY",
                "SMARTTOWN_WEBHOOK_SECRETS_KEYS_PRIMARY");
        for (String other : List.of("gateway", "resident-service", "care-service", "coworking-service")) {
            assertThat(envNames(other)).doesNotContain("SMARTTOWN_WEBHOOK_SECRETS_KEYS_PRIMARY");
        }
    }

    @Test
    void eachServiceReadsItsOwnDatabaseCredentialsFromItsOwnSecret() {
        Map<String, String> databases = Map.of("resident-service", "residents", "care-service", "care",
                "coworking-service", "coworking", "startup-mentoring-service", "mentoring");
        databases.forEach((workload, database) -> {
            assertThat(Chart.byName(objects, ConfigMap.class).get(workload + "-config").getData())
                    .containsEntry("SMARTTOWN_DB_NAME", database);
            EnvVar password = env(workload, "QUARKUS_DATASOURCE_PASSWORD");
            assertThat(password.getValue()).isNull();
            assertThat(password.getValueFrom().getSecretKeyRef().getName()).isEqualTo("smarttown-db-" + database);
        });
    }

    @Test
    void defaultsRenderNoSecretAndEveryExternalSecretIsDocumentedForOperators() throws Exception {
        assertThat(Chart.byName(objects, Secret.class)).isEmpty();
        String readme = Files.readString(Chart.root().resolve("k8s/README.md"));
        assertThat(Suite.EXTERNAL_SECRETS).allSatisfy(secret -> assertThat(readme).contains(secret));
    }

    @Test
    void theGatewayIsReachableOnlyThroughATlsIngress() {
        Ingress ingress = Chart.byName(objects, Ingress.class).get("gateway");
        assertThat(ingress.getSpec().getTls()).singleElement()
                .satisfies(tls -> assertThat(tls.getSecretName()).isEqualTo("smarttown-tls"));
        assertThat(Chart.byName(objects, Ingress.class)).hasSize(1);
        assertThat(Chart.byName(objects, Service.class).values())
                .allSatisfy(s -> assertThat(s.getSpec().getType()).isEqualTo("ClusterIP"));
    }

    private static Container container(String workload) {
        return Chart.byName(objects, Deployment.class).get(workload).getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static List<String> envNames(String workload) {
        return container(workload).getEnv().stream().map(EnvVar::getName).toList();
    }

    private static EnvVar env(String workload, String name) {
        return container(workload).getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElseThrow();
    }
}
