package org.smarttown.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each credential comes from an existingSecret or from a Secret the chart renders from given values. */
class SecretsTest {

    private static final String INLINE = """
            broker: {existingSecret: "", username: smarttown, password: broker-pass}
            rrn:
              existingSecret: ""
              encryptionKey: 6Jc4Q2xZk7n0m3PqVb1sT9uWyA5dE8fH2gJ4kL6oR0s=
              hmacKey: Zq3xW9vB2nM5kL8jH1gF4dS7aP0oI6uY3tR9eW2qA5c=
            webhookSecrets:
              existingSecret: ""
              encryptionKey: Hk2mP8qR4sT6vX0zB3dF5hJ7lN9pR1tV3xZ5bD7fH9k=
            oidc:
              gatewayClient: {existingSecret: "", secret: web-client-secret}
            services:
              resident-service: {database: {name: residents, existingSecret: "", username: residents, password: res-pass}}
              care-service: {database: {name: care, existingSecret: "", username: care, password: care-pass}}
              coworking-service: {database: {name: coworking, existingSecret: "", username: coworking, password: cw-pass}}
              startup-mentoring-service: {database: {name: mentoring, existingSecret: "", username: mentoring, password: m-pass}}
            """;

    @Test
    void givenValuesBecomeSecretsThatTheWorkloadsReadWithoutAnyExternalOne() {
        List<HasMetadata> objects = Chart.renderYaml(INLINE);
        Map<String, Secret> secrets = Chart.byName(objects, Secret.class);
        assertThat(secrets.keySet()).containsExactlyInAnyOrder("resident-service-db", "care-service-db",
                "coworking-service-db", "startup-mentoring-service-db", "smarttown-broker", "smarttown-rrn-keys",
                "smarttown-webhook-keys", "smarttown-oidc-clients");
        // Only the TLS certificate (cert-manager's) stays external.
        assertThat(ManifestRules.check(objects, Set.of("smarttown-tls"))).isEmpty();
        assertThat(secrets.get("smarttown-rrn-keys").getStringData())
                .containsEntry("encryption-key", "6Jc4Q2xZk7n0m3PqVb1sT9uWyA5dE8fH2gJ4kL6oR0s=");
        assertThat(secrets.get("smarttown-rrn-keys").getMetadata().getAnnotations())
                .containsEntry("helm.sh/resource-policy", "keep");
        assertThat(env(objects, "resident-service", "SMARTTOWN_RRN_HMAC_KEY"))
                .isEqualTo("smarttown-rrn-keys/hmac-key");
        assertThat(secrets.get("smarttown-webhook-keys").getStringData())
                .containsEntry("encryption-key", "Hk2mP8qR4sT6vX0zB3dF5hJ7lN9pR1tV3xZ5bD7fH9k=");
        assertThat(secrets.get("smarttown-webhook-keys").getMetadata().getAnnotations())
                .containsEntry("helm.sh/resource-policy", "keep");
        assertThat(env(objects, "startup-mentoring-service", "SMARTTOWN_WEBHOOK_SECRETS_KEYS_PRIMARY"))
                .isEqualTo("smarttown-webhook-keys/encryption-key");
        assertThat(env(objects, "care-service", "QUARKUS_DATASOURCE_PASSWORD")).isEqualTo("care-service-db/password");
        assertThat(env(objects, "care-service", "AMQP_PASSWORD")).isEqualTo("smarttown-broker/AMQ_PASSWORD");
        assertThat(env(objects, "gateway", "QUARKUS_OIDC_CREDENTIALS_SECRET")).isEqualTo("smarttown-oidc-clients/smarttown-web");
    }

    @Test
    void noSecretValueEverAppearsOutsideASecret() {
        String manifests = Chart.template(Chart.valuesFile(INLINE));
        List<HasMetadata> objects = Chart.parse(manifests);
        String withoutSecrets = Chart.parse(manifests).stream().filter(o -> !(o instanceof Secret))
                .map(Object::toString).reduce("", String::concat);
        assertThat(objects).isNotEmpty();
        assertThat(withoutSecrets).doesNotContain("res-pass", "broker-pass", "web-client-secret",
                "6Jc4Q2xZk7n0m3PqVb1sT9uWyA5dE8fH2gJ4kL6oR0s=", "Hk2mP8qR4sT6vX0zB3dF5hJ7lN9pR1tV3xZ5bD7fH9k=");
    }

    @Test
    void neitherExistingSecretNorValueIsRefusedWithTheKeyToSet() {
        assertThatThrownBy(() -> Chart.renderYaml("""
                services:
                  care-service:
                    database: {name: care, existingSecret: "", username: care}
                """)).hasMessageContaining("services.care-service.database.password is required when no existingSecret is named");
        assertThatThrownBy(() -> Chart.renderYaml("""
                rrn: {existingSecret: ""}
                """)).hasMessageContaining("rrn.encryptionKey is required when rrn.existingSecret is empty");
        assertThatThrownBy(() -> Chart.renderYaml("""
                webhookSecrets: {existingSecret: ""}
                """)).hasMessageContaining(
                        "webhookSecrets.encryptionKey is required when webhookSecrets.existingSecret is empty");
    }

    private static String env(List<HasMetadata> objects, String workload, String name) {
        return Chart.byName(objects, Deployment.class).get(workload).getSpec().getTemplate().getSpec()
                .getContainers().get(0).getEnv().stream().filter(e -> e.getName().equals(name))
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .map(ref -> ref.getName() + "/" + ref.getKey()).findFirst().orElseThrow();
    }
}
