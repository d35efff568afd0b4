package org.smarttown.k8s;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json refuses values that are wrong by type or range before anything renders. */
class SchemaTest {

    @Test
    void unknownImageFlavourIsRejected() {
        assertRejected("""
                image:
                  flavour: graal
                """, "at '/image/flavour'");
    }

    @Test
    void zeroReplicasAreRejected() {
        assertRejected("""
                services:
                  care-service:
                    replicas: 0
                """, "at '/services/care-service/replicas': minimum: got 0, want 1");
    }

    @Test
    void aPrivilegedPortIsRejected() {
        assertRejected("""
                services:
                  gateway:
                    port: 80
                """, "at '/services/gateway/port': minimum: got 80");
    }

    @Test
    void aMissingMemoryLimitIsRejected() {
        assertRejected("""
                services:
                  resident-service:
                    resources:
                      limits:
                        memory: null
                """, "at '/services/resident-service/resources/limits': missing property 'memory'");
    }

    @Test
    void aMisspelledServiceKeyIsRejected() {
        assertRejected("""
                services:
                  resident-service:
                    replica: 3
                """, "at '/services/resident-service': additional properties 'replica' not allowed");
    }

    @Test
    void aBackendWithoutDatabaseIsRejected() {
        assertRejected("""
                services:
                  report-service:
                    enabled: true
                    component: backend
                    route: reports
                    port: 8085
                    replicas: 1
                    resources:
                      requests: {cpu: 50m, memory: 128Mi}
                      limits: {cpu: "1", memory: 256Mi}
                    autoscaling: {enabled: false, minReplicas: 1, maxReplicas: 2, targetCPUUtilizationPercentage: 75}
                    pdb: {enabled: false, minAvailable: 1}
                """, "at '/services/report-service': missing property 'database'");
    }

    @Test
    void anIngressWithoutHostIsRejected() {
        assertRejected("""
                ingress:
                  enabled: true
                  host: ""
                """, "at '/ingress/host': minLength: got 0, want 1");
    }

    @Test
    void aMemoryQuantityWithAWrongUnitIsRejected() {
        assertRejected("""
                services:
                  care-service:
                    resources:
                      limits: {cpu: "1", memory: 512MB}
                """, "at '/services/care-service/resources/limits/memory'");
    }

    @Test
    void anRrnKeyThatIsNot32BytesOfBase64IsRejected() {
        assertRejected("""
                rrn:
                  existingSecret: ""
                  encryptionKey: changeme
                  hmacKey: changeme
                """, "at '/rrn/encryptionKey'");
    }

    @Test
    void aWebhookSecretKeyThatIsNot32BytesOfBase64IsRejected() {
        assertRejected("""
                webhookSecrets:
                  existingSecret: ""
                  encryptionKey: changeme
                """, "at '/webhookSecrets/encryptionKey'");
    }

    @Test
    void aWebhookEgressThatIsNoNetworkOrHasNoPortIsRejected() {
        assertRejected("""
                networkPolicy:
                  egress:
                    webhooks:
                      cidrs: [agency-a.example.org]
                """, "at '/networkPolicy/egress/webhooks/cidrs/0'");
        assertRejected("""
                networkPolicy:
                  egress:
                    webhooks:
                      cidrs: [0.0.0.0/0]
                      ports: []
                """, "at '/networkPolicy/egress/webhooks/ports'");
        assertRejected("""
                networkPolicy:
                  egress:
                    webhooks:
                      cidr: [0.0.0.0/0]
                """, "at '/networkPolicy/egress/webhooks'");
    }

    @Test
    void anAuthServerUrlWithoutRealmIsRejected() {
        assertRejected("""
                oidc:
                  authServerUrl: https://auth.example.org
                """, "at '/oidc/authServerUrl'");
    }

    @Test
    void rootContainersForEveryWorkloadAreRejected() {
        assertRejected("""
                securityContext:
                  runAsNonRoot: false
                  runAsUser: 0
                """, "at '/securityContext/runAsNonRoot'");
    }

    @Test
    void aWritableRootFilesystemForEveryWorkloadIsRejected() {
        assertRejected("""
                securityContext:
                  readOnlyRootFilesystem: false
                """, "at '/securityContext/readOnlyRootFilesystem'");
    }

    @Test
    void podsWithoutSeccompProfileAreRejected() {
        assertRejected("""
                podSecurityContext:
                  seccompProfile: null
                """, "missing property 'seccompProfile'");
    }

    @Test
    void aPodDisruptionBudgetThatBlocksEveryDrainIsRefusedByTheChart() {
        assertThatThrownBy(() -> Chart.renderYaml("""
                services:
                  coworking-service:
                    replicas: 1
                    pdb: {enabled: true, minAvailable: 1}
                """))
                .hasMessageContaining("services.coworking-service.pdb.minAvailable (1) must be below its replicas (1)");
    }

    @Test
    void validValuesPassTheSchema() {
        assertThat(Chart.renderYaml("""
                image:
                  flavour: native
                  tag: "1.2.3"
                services:
                  care-service:
                    replicas: 3
                """)).isNotEmpty();
    }

    private static void assertRejected(String values, String schemaError) {
        assertThatThrownBy(() -> Chart.renderYaml(values))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(schemaError);
    }
}
