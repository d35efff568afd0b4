package org.smarttown.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values the schema lets through but that would deploy something unsafe or unwired (per-service
 * overrides, extraObjects, switches meant for debugging): the rules must refuse each one, so a green
 * build means the rendered suite really is hardened and connected.
 */
class BrokenValuesTest {

    @Test
    void workloadWithoutProbesIsRefused() {
        assertThat(violations("""
                probes:
                  enabled: false
                """))
                .contains("Deployment care-service container care-service has no liveness probe",
                        "Deployment care-service container care-service has no readiness probe",
                        "Deployment care-service container care-service has no startup probe");
    }

    @Test
    void containerRunningAsRootIsRefused() {
        assertThat(violations("""
                services:
                  care-service:
                    securityContext:
                      runAsNonRoot: false
                      runAsUser: 0
                      allowPrivilegeEscalation: false
                      readOnlyRootFilesystem: true
                      capabilities: {drop: [ALL]}
                """))
                .containsExactly("Deployment care-service container care-service may run as root"
                        + " (runAsNonRoot must be true and runAsUser not 0)");
    }

    @Test
    void containerWithWritableRootAndCapabilitiesIsRefused() {
        assertThat(violations("""
                services:
                  gateway:
                    securityContext:
                      runAsNonRoot: true
                      allowPrivilegeEscalation: true
                      readOnlyRootFilesystem: false
                """))
                .containsExactly("Deployment gateway container gateway allows privilege escalation",
                        "Deployment gateway container gateway has a writable root filesystem",
                        "Deployment gateway container gateway does not drop ALL capabilities");
    }

    @Test
    void podWithoutSeccompProfileIsRefused() {
        assertThat(violations("""
                services:
                  coworking-service:
                    podSecurityContext:
                      runAsNonRoot: true
                      runAsUser: 1001
                """))
                .containsExactly("Deployment coworking-service container coworking-service has no RuntimeDefault seccomp profile");
    }

    @Test
    void missingCpuLimitIsRefused() {
        // A null in a values file removes the default (Helm's documented way to unset a key).
        assertThat(violations("""
                services:
                  coworking-service:
                    resources:
                      limits:
                        cpu: null
                """))
                .containsExactly("Deployment coworking-service container coworking-service has no cpu limit");
    }

    @Test
    void requestAboveItsLimitIsRefused() {
        assertThat(violations("""
                services:
                  coworking-service:
                    resources:
                      requests: {cpu: 100m, memory: 1Gi}
                      limits: {cpu: "1", memory: 512Mi}
                """))
                .containsExactly("Deployment coworking-service container coworking-service requests more memory than its limit");
    }

    @Test
    void serviceAccountTokenMountIsRefused() {
        assertThat(violations("""
                serviceAccount:
                  automountToken: true
                """))
                .contains("Deployment resident-service mounts a service-account token");
    }

    @Test
    void serviceSelectingNothingIsRefused() {
        assertThat(violations("""
                extraObjects:
                  - apiVersion: v1
                    kind: Service
                    metadata:
                      name: resident-service-admin
                    spec:
                      selector:
                        app.kubernetes.io/name: resident-service-v2
                      ports:
                        - port: 9000
                """))
                .containsExactly("Service resident-service-admin selects no pods");
    }

    @Test
    void servicePortTargetingNoContainerPortIsRefused() {
        assertThat(violations("""
                extraObjects:
                  - apiVersion: v1
                    kind: Service
                    metadata:
                      name: care-service-debug
                    spec:
                      selector:
                        app.kubernetes.io/name: care-service
                      ports:
                        - port: 5005
                          targetPort: debug
                """))
                .containsExactly("Service care-service-debug port 5005 targets no container port of its pods");
    }

    @Test
    void networkPolicySelectingNoPodIsRefused() {
        assertThat(violations("""
                extraObjects:
                  - apiVersion: networking.k8s.io/v1
                    kind: NetworkPolicy
                    metadata:
                      name: allow-reports
                    spec:
                      podSelector:
                        matchLabels:
                          app.kubernetes.io/name: report-service
                      policyTypes: [Ingress]
                """))
                .containsExactly("NetworkPolicy allow-reports selects no pods");
    }

    @Test
    void withoutNetworkPoliciesNoWorkloadIsIsolated() {
        assertThat(violations("""
                networkPolicy:
                  enabled: false
                """))
                .containsExactly("no default-deny NetworkPolicy covers every workload");
    }

    @Test
    void secretNeitherRenderedNorDocumentedIsRefused() {
        assertThat(violations("""
                rrn:
                  existingSecret: rrn-from-vault
                """))
                .containsExactly(
                        "Deployment resident-service container resident-service env SMARTTOWN_RRN_KEYS_PRIMARY reads the Secret"
                                + " rrn-from-vault, which is neither rendered nor documented as external",
                        "Deployment resident-service container resident-service env SMARTTOWN_RRN_HMAC_KEY reads the Secret"
                                + " rrn-from-vault, which is neither rendered nor documented as external");
    }

    @Test
    void imageFromTheOsUserNamespaceIsRefused() {
        assertThat(violations("""
                image:
                  registry: docker.io
                  group: root
                """))
                .contains("Deployment gateway container gateway image docker.io/root/gateway:1.0.0-SNAPSHOT"
                        + " needs an explicit registry, group and a tag other than latest");
    }

    private static List<String> violations(String values) {
        List<HasMetadata> objects = Chart.renderYaml(values);
        return ManifestRules.check(objects, Suite.EXTERNAL_SECRETS);
    }
}
