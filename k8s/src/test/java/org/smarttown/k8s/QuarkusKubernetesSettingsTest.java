package org.smarttown.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quarkus.kubernetes settings that every service takes from commons (its generated
 * target/kubernetes/kubernetes.yml) name the same images, Secrets, keys and ConfigMaps as the chart,
 * so the plain manifests and the chart never drift apart.
 */
class QuarkusKubernetesSettingsTest {

    private static Properties commons;
    private static Map<String, Deployment> chart;

    @BeforeAll
    static void load() throws IOException {
        commons = new Properties();
        try (Reader reader = Files.newBufferedReader(Chart.root()
                .resolve("commons/src/main/resources/META-INF/microprofile-config.properties"))) {
            commons.load(reader);
        }
        List<HasMetadata> objects = Chart.render();
        chart = Chart.byName(objects, Deployment.class);
    }

    @Test
    void imagesComeFromTheSameExplicitRegistryAndGroup() {
        String prefix = commons.getProperty("quarkus.container-image.registry") + "/"
                + commons.getProperty("quarkus.container-image.group") + "/";
        assertThat(prefix).isEqualTo("ghcr.io/smarttown/");
        chart.forEach((name, deployment) -> assertThat(container(name).getImage()).startsWith(prefix + name + ":"));
    }

    @Test
    void credentialsComeFromTheSecretsAndKeysTheChartUses() {
        for (String service : Suite.ROUTES.keySet()) {
            String database = Suite.applicationProperties(service).getProperty("smarttown.db.name");
            for (String variable : List.of("quarkus-datasource-username", "quarkus-datasource-password",
                    "amqp-username", "amqp-password")) {
                String prefix = "quarkus.kubernetes.env.mapping." + variable;
                String secret = commons.getProperty(prefix + ".from-secret").replace("${smarttown.db.name}", database);
                String key = commons.getProperty(prefix + ".with-key");
                EnvVar env = container(service).getEnv().stream()
                        .filter(e -> e.getName().equals(variable.toUpperCase().replace('-', '_')))
                        .findFirst().orElseThrow();
                assertThat(env.getValueFrom().getSecretKeyRef().getName()).as(service + " " + variable).isEqualTo(secret);
                assertThat(env.getValueFrom().getSecretKeyRef().getKey()).as(service + " " + variable).isEqualTo(key);
            }
            assertThat(commons.getProperty("quarkus.kubernetes.env.configmaps").replace("${quarkus.application.name}", service))
                    .isEqualTo(container(service).getEnvFrom().get(0).getConfigMapRef().getName());
        }
    }

    @Test
    void podsRunAsTheSameUserWithTheSameProbesAndNoMigrationJob() {
        PodSpec pod = chart.get("care-service").getSpec().getTemplate().getSpec();
        assertThat(Long.parseLong(commons.getProperty("quarkus.kubernetes.security-context.run-as-user")))
                .isEqualTo(pod.getSecurityContext().getRunAsUser());
        assertThat(commons.getProperty("quarkus.kubernetes.security-context.run-as-non-root")).isEqualTo("true");
        assertThat(commons.getProperty("quarkus.kubernetes.mounts.tmp.path")).isEqualTo("/tmp");
        assertThat(Integer.parseInt(commons.getProperty("quarkus.kubernetes.startup-probe.failure-threshold")))
                .isEqualTo(container("care-service").getStartupProbe().getFailureThreshold());
        // Flyway migrates at start under an advisory lock: no Job, no init container, no RBAC for it.
        assertThat(commons.getProperty("quarkus.kubernetes.init-task-defaults.enabled")).isEqualTo("false");
        assertThat(pod.getInitContainers()).isNullOrEmpty();
        assertThat(commons.getProperty("quarkus.kubernetes.add-version-to-label-selectors")).isEqualTo("false");
    }

    private static Container container(String workload) {
        return chart.get(workload).getSpec().getTemplate().getSpec().getContainers().get(0);
    }
}
