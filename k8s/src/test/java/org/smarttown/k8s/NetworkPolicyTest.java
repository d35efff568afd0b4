package org.smarttown.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may talk to whom, read from the rendered policies of the default values. */
class NetworkPolicyTest {

    private static Map<String, NetworkPolicy> policies;

    @BeforeAll
    static void render() {
        List<HasMetadata> objects = Chart.render();
        policies = Chart.byName(objects, NetworkPolicy.class);
    }

    @Test
    void everythingIsDeniedUnlessAllowed() {
        NetworkPolicy deny = policies.get("smarttown-default-deny");
        assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/part-of", "smarttown");
    }

    @Test
    void onlyTheIngressControllerReachesTheGateway() {
        List<NetworkPolicyPeer> from = policies.get("gateway").getSpec().getIngress().get(0).getFrom();
        assertThat(from).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
            assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "ingress-nginx");
        });
    }

    @Test
    void eachServiceIsReachableOnlyFromTheGatewayOnItsHttpPort() {
        for (String service : Suite.ROUTES.keySet()) {
            var ingress = policies.get(service).getSpec().getIngress();
            assertThat(ingress).singleElement().satisfies(rule -> {
                assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "gateway");
                });
                assertThat(rule.getPorts()).singleElement()
                        .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
            });
        }
    }

    @Test
    void servicesMayConnectOnlyToDnsDatabaseBrokerAndKeycloak() {
        for (String service : Suite.ROUTES.keySet()) {
            assertThat(egressPorts(service)).containsExactlyInAnyOrder(53, 5432, 61616, 8443, 8080);
            assertThat(egressTargets(service)).containsExactlyInAnyOrder(
                    "k8s-app=kube-dns", "cnpg.io/cluster=smarttown-db", "ActiveMQArtemis=smarttown-broker", "app=keycloak");
        }
    }

    @Test
    void theGatewayMayConnectToTheServicesAndKeycloakButNotToTheDatabaseOrBroker() {
        assertThat(egressPorts("gateway")).containsExactlyInAnyOrder(53, 8443, 8080, 8081, 8082, 8083, 8084);
        assertThat(egressTargets("gateway")).contains("app.kubernetes.io/name=resident-service",
                "app.kubernetes.io/name=startup-mentoring-service")
                .doesNotContain("cnpg.io/cluster=smarttown-db", "ActiveMQArtemis=smarttown-broker");
    }

    @Test
    void byDefaultNoServiceMayReachOutsideTheClusterForWebhooks() {
        for (String workload : policies.keySet()) {
            assertThat(policies.get(workload).getSpec().getEgress()).as(workload).noneSatisfy(rule ->
                    assertThat(rule.getTo()).anySatisfy(peer -> assertThat(peer.getIpBlock()).isNotNull()));
        }
    }

    @Test
    void listedWebhookNetworksAreReachableByTheMentoringServiceAlone() {
        Map<String, NetworkPolicy> withWebhooks = Chart.byName(Chart.renderYaml("""
                networkPolicy:
                  egress:
                    webhooks:
                      cidrs: [0.0.0.0/0, "2001:db8::/32"]
                      except: [10.0.0.0/8, 169.254.0.0/16]
                      ports: [443, 8443]
                """), NetworkPolicy.class);
        List<NetworkPolicyEgressRule> toReceivers = withWebhooks.get("startup-mentoring-service").getSpec().getEgress()
                .stream().filter(rule -> rule.getTo().stream().anyMatch(peer -> peer.getIpBlock() != null)).toList();
        assertThat(toReceivers).singleElement().satisfies(rule -> {
            assertThat(rule.getTo()).extracting(peer -> peer.getIpBlock().getCidr())
                    .containsExactly("0.0.0.0/0", "2001:db8::/32");
            assertThat(rule.getTo().get(0).getIpBlock().getExcept()).containsExactly("10.0.0.0/8", "169.254.0.0/16");
            assertThat(rule.getPorts()).extracting(port -> port.getPort().getIntVal()).containsExactly(443, 8443);
            assertThat(rule.getPorts()).allSatisfy(port -> assertThat(port.getProtocol()).isEqualTo("TCP"));
        });
        // Its other rules stay as they were; nobody else gains a way out.
        assertThat(withWebhooks.get("startup-mentoring-service").getSpec().getEgress()).hasSize(5);
        for (String other : List.of("gateway", "resident-service", "care-service", "coworking-service")) {
            assertThat(withWebhooks.get(other).getSpec().getEgress()).as(other).noneSatisfy(rule ->
                    assertThat(rule.getTo()).anySatisfy(peer -> assertThat(peer.getIpBlock()).isNotNull()));
        }
    }

    private static Set<Integer> egressPorts(String workload) {
        return policies.get(workload).getSpec().getEgress().stream()
                .flatMap(rule -> rule.getPorts().stream()).map(NetworkPolicyPort::getPort)
                .map(port -> port.getIntVal()).collect(Collectors.toSet());
    }

    private static Set<String> egressTargets(String workload) {
        return policies.get(workload).getSpec().getEgress().stream()
                .map(NetworkPolicyEgressRule::getTo).flatMap(List::stream)
                .filter(peer -> peer.getPodSelector() != null)
                .flatMap(peer -> peer.getPodSelector().getMatchLabels().entrySet().stream())
                .filter(e -> !e.getKey().equals("app.kubernetes.io/instance"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.toSet());
    }
}
