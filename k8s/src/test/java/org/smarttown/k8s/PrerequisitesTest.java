package org.smarttown.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The example manifests of what the suite needs from the cluster agree with the chart and the repo. */
class PrerequisitesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void postgresClusterHasOneRoleAndDatabasePerServiceWithTheSecretsTheChartReads() throws Exception {
        List<HasMetadata> objects = Chart.parse(Files.readString(example("postgresql.yaml")));
        Map<String, Object> cluster = spec(objects, "Cluster").get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> roles = (List<Map<String, Object>>) ((Map<String, Object>) cluster.get("managed")).get("roles");
        Map<String, String> roleSecrets = roles.stream().collect(Collectors.toMap(r -> (String) r.get("name"),
                r -> (String) ((Map<?, ?>) r.get("passwordSecret")).get("name")));
        Set<String> databases = spec(objects, "Database").stream().map(d -> (String) d.get("name")).collect(Collectors.toSet());

        Map<String, Deployment> deployments = Chart.byName(Chart.render(), Deployment.class);
        for (String service : Suite.ROUTES.keySet()) {
            String database = Suite.applicationProperties(service).getProperty("smarttown.db.name");
            assertThat(databases).as(service).contains(database);
            String secret = deployments.get(service).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")).findFirst().orElseThrow()
                    .getValueFrom().getSecretKeyRef().getName();
            assertThat(roleSecrets).as(service).containsEntry(database, secret);
        }
        assertThat(databases).hasSize(Suite.ROUTES.size());
    }

    @Test
    void brokerExampleDeclaresEveryQueueOfTheLocalBroker() throws Exception {
        Set<String> local = new HashSet<>();
        String xml = Files.readString(Chart.root().resolve("dev/artemis/addresses.xml"));
        Matcher address = Pattern.compile("<address name=\"([^\"]+)\">(.*?)</address>", Pattern.DOTALL).matcher(xml);
        while (address.find()) {
            Matcher queue = Pattern.compile("<queue name=\"([^\"]+)\"").matcher(address.group(2));
            while (queue.find()) {
                local.add(address.group(1) + "::" + queue.group(1));
            }
        }
        List<HasMetadata> objects = Chart.parse(Files.readString(example("artemis.yaml")));
        Set<String> declared = spec(objects, "ActiveMQArtemisAddress").stream()
                .map(a -> a.get("addressName") + "::" + a.get("queueName")).collect(Collectors.toSet());
        assertThat(local).isNotEmpty();
        assertThat(declared).containsExactlyInAnyOrderElementsOf(local);
        Map<String, Object> broker = spec(objects, "ActiveMQArtemis").get(0);
        assertThat(broker.get("acceptors").toString()).contains("port=61616", "protocols=amqp");
    }

    @Test
    void productionRealmIsTheRepositoryRealmWithoutPeopleOrLiteralSecrets() throws Exception {
        JsonNode dev = JSON.readTree(Chart.root().resolve("k8s/keycloak/smarttown-realm.json").toFile());
        List<HasMetadata> objects = Chart.parse(Files.readString(example("keycloak-realm-import.yaml")));
        JsonNode imported = JSON.valueToTree(spec(objects, "KeycloakRealmImport").get(0));
        JsonNode realm = imported.get("realm");

        assertThat(realm.get("realm").asText()).isEqualTo(dev.get("realm").asText());
        assertThat(names(realm.get("roles").get("realm"), "name")).isEqualTo(names(dev.get("roles").get("realm"), "name"));
        Set<String> devClients = names(dev.get("clients"), "clientId");
        devClients.remove("smarttown-cli");
        assertThat(names(realm.get("clients"), "clientId")).isEqualTo(devClients);
        assertThat(realm.get("sslRequired").asText()).isEqualTo("all");

        assertThat(realm.get("users")).allSatisfy(user -> {
            assertThat(user.has("serviceAccountClientId")).as(user.toString()).isTrue();
            assertThat(user.has("credentials")).isFalse();
        });
        for (JsonNode client : realm.get("clients")) {
            if (client.has("secret")) {
                String placeholder = client.get("secret").asText();
                assertThat(placeholder).matches("\\$\\{CLIENT_SECRET_[A-Z_]+}");
                String name = placeholder.substring(2, placeholder.length() - 1);
                assertThat(imported.get("placeholders").get(name).get("secret").get("name").asText())
                        .isEqualTo("smarttown-oidc-clients");
            }
            for (JsonNode uri : iterable(client.get("redirectUris"))) {
                assertThat(uri.asText()).startsWith("https://");
            }
        }
        for (JsonNode client : dev.get("clients")) {
            assertThat(realm.toString()).doesNotContain("\"" + client.get("secret").asText() + "\"");
        }
        assertThat(realm.get("displayName").asText()).doesNotContainIgnoringCase("development");
        assertThat(realm.get("attributes").toString()).doesNotContainIgnoringCase("development");
    }

    @Test
    void everyExampleParsesAsKubernetesObjects() throws Exception {
        try (var files = Files.list(Chart.root().resolve("k8s/examples"))) {
            List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertThat(yamls).hasSizeGreaterThanOrEqualTo(4);
            for (Path yaml : yamls) {
                assertThat(Chart.parse(Files.readString(yaml))).as(yaml.toString())
                        .isNotEmpty()
                        .allSatisfy(o -> assertThat(o.getMetadata().getName()).isNotBlank());
            }
        }
    }

    private static Path example(String file) {
        return Chart.root().resolve("k8s/examples").resolve(file);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> spec(List<HasMetadata> objects, String kind) {
        List<Map<String, Object>> specs = new ArrayList<>();
        objects.stream().filter(o -> o.getKind().equals(kind)).map(GenericKubernetesResource.class::cast)
                .forEach(o -> specs.add((Map<String, Object>) o.getAdditionalProperties().get("spec")));
        assertThat(specs).as(kind).isNotEmpty();
        return specs;
    }

    private static Set<String> names(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.get(field).asText())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null ? List.of() : node;
    }
}
