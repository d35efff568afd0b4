package org.smarttown.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each workload can be built as a JVM and a native image that the chart can run, and its
 * quarkus-kubernetes extras carry the same hardening as the chart.
 */
class ImagesTest {

    @Test
    void everyWorkloadHasJvmAndNativeDockerfilesRunningAsUser1001OnItsPort() throws Exception {
        for (String workload : Suite.WORKLOADS) {
            Path docker = Chart.root().resolve(workload).resolve("src/main/docker");
            String jvm = Files.readString(docker.resolve("Dockerfile.jvm"));
            String nativeImage = Files.readString(docker.resolve("Dockerfile.native"));
            int port = Suite.httpPort(workload);
            assertThat(jvm).as(workload).contains("FROM registry.access.redhat.com/ubi9/openjdk-17-runtime",
                    "\nUSER 1001\n", "EXPOSE " + port + "\n", "target/quarkus-app/");
            assertThat(nativeImage).as(workload).contains("FROM quay.io/quarkus/quarkus-micro-image",
                    "\nUSER 1001\n", "EXPOSE " + port + "\n", "target/*-runner");
            assertThat(jvm + nativeImage).doesNotContainPattern("(?m)^USER (0|root)\\b");
        }
    }

    @Test
    void theRootPomHasANativeProfileRunningIntegrationTestsAgainstTheBinary() throws Exception {
        String pom = Files.readString(Chart.root().resolve("pom.xml"));
        String profile = pom.substring(pom.indexOf("<id>native</id>"), pom.indexOf("</profile>", pom.indexOf("<id>native</id>")));
        assertThat(profile).contains("<quarkus.native.enabled>true</quarkus.native.enabled>",
                "<skipITs>false</skipITs>", "<quarkus.package.jar.enabled>false</quarkus.package.jar.enabled>",
                "maven-failsafe-plugin", "native.image.path");
    }

    @Test
    void everyWorkloadsKubernetesExtrasHardenItsContainerAndMountNoToken() throws Exception {
        for (String workload : Suite.WORKLOADS) {
            Path extras = Chart.root().resolve(workload).resolve("src/main/kubernetes/kubernetes.yml");
            // quarkus-kubernetes refuses a file that starts with an empty document.
            assertThat(Files.readString(extras)).as(workload).doesNotStartWith("---");
            List<HasMetadata> objects = Chart.parse(Files.readString(extras));
            ServiceAccount account = Chart.byName(objects, ServiceAccount.class).get(workload);
            assertThat(account.getAutomountServiceAccountToken()).as(workload).isFalse();
            Deployment deployment = Chart.byName(objects, Deployment.class).get(workload);
            assertThat(deployment.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken()).isFalse();
            assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(workload);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(container.getName()).isEqualTo(workload);
            var security = container.getSecurityContext();
            assertThat(security.getRunAsNonRoot()).isTrue();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        }
    }
}
