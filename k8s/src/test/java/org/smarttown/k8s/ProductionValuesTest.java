package org.smarttown.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart with k8s/helm/values-production.yaml: native images, autoscaling, budgets, TLS. */
class ProductionValuesTest {

    private static List<HasMetadata> objects;

    @BeforeAll
    static void render() {
        String manifests = Chart.template(Chart.productionValues());
        Chart.write("production", manifests);
        objects = Chart.parse(manifests);
    }

    @Test
    void renderedSuiteBreaksNoRule() {
        assertThat(ManifestRules.check(objects, Suite.EXTERNAL_SECRETS)).isEmpty();
    }

    @Test
    void everyWorkloadRunsThePinnedNativeImage() {
        assertThat(Chart.byName(objects, Deployment.class)).allSatisfy((name, deployment) ->
                assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                        .isEqualTo("ghcr.io/smarttown/" + name + ":1.0.0-native"));
    }

    @Test
    void autoscaledWorkloadsLeaveTheReplicaCountToTheirAutoscaler() {
        var autoscalers = Chart.byName(objects, HorizontalPodAutoscaler.class);
        assertThat(autoscalers.keySet()).containsExactlyInAnyOrder("gateway", "resident-service", "care-service");
        autoscalers.keySet().forEach(name ->
                assertThat(Chart.byName(objects, Deployment.class).get(name).getSpec().getReplicas()).isNull());
        assertThat(autoscalers.get("care-service").getSpec().getMinReplicas()).isEqualTo(3);
    }

    @Test
    void everyWorkloadKeepsReplicasDuringADrain() {
        assertThat(Chart.byName(objects, PodDisruptionBudget.class).keySet())
                .containsExactlyInAnyOrderElementsOf(Suite.WORKLOADS);
    }

    @Test
    void servicesValidateTokensFromThePublicIssuerWhileFetchingKeysInsideTheCluster() {
        assertThat(Chart.byName(objects, ConfigMap.class).get("care-service-config").getData())
                .containsEntry("QUARKUS_OIDC_AUTH_SERVER_URL", "https://smarttown-keycloak-service.keycloak.svc:8443/realms/smarttown")
                .containsEntry("QUARKUS_OIDC_TOKEN_ISSUER", "https://auth.smarttown.example.org/realms/smarttown");
    }
}
