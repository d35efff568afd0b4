package org.smarttown.k8s;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chart under k8s/helm/smarttown, rendered offline with the Helm library (no cluster, no helm
 * binary) and parsed into typed fabric8 objects.
 */
final class Chart {

    static final String RELEASE = "smarttown";
    static final String NAMESPACE = "smarttown";

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Chart() {
    }

    static Path root() {
        return Path.of(System.getProperty("smarttown.root", "..")).toAbsolutePath().normalize();
    }

    static Path chartDir() {
        return root().resolve("k8s/helm/smarttown");
    }

    static Path productionValues() {
        return root().resolve("k8s/helm/values-production.yaml");
    }

    static Path renderedDir() {
        return Path.of(System.getProperty("smarttown.rendered", "target/rendered"));
    }

    static LintResult lint() {
        return new Helm(chartDir()).lint().strict().call();
    }

    /** A values file written from YAML text, for tests that feed particular values. */
    static Path valuesFile(String yaml) {
        try {
            Path file = Files.createTempFile("smarttown-values-", ".yaml");
            file.toFile().deleteOnExit();
            return Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders with the default values plus the given values files (later ones win) and --set pairs. */
    static String template(List<Path> valuesFiles, Map<String, Object> sets) {
        TemplateCommand command = new Helm(chartDir()).template()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .withKubeVersion("1.31.0");
        valuesFiles.forEach(command::withValuesFile);
        sets.forEach(command::set);
        return command.call();
    }

    static String template(Path... valuesFiles) {
        return template(List.of(valuesFiles), Map.of());
    }

    static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(line -> line.isBlank() || line.trim().startsWith("#"))) {
                continue;
            }
            objects.add(SERIALIZATION.unmarshal(document, HasMetadata.class));
        }
        return objects;
    }

    static List<HasMetadata> render(Path... valuesFiles) {
        return parse(template(valuesFiles));
    }

    static List<HasMetadata> renderYaml(String valuesYaml) {
        return render(valuesFile(valuesYaml));
    }

    /** Writes the rendered manifests to k8s/target/rendered/<name>.yaml for people and tools to read. */
    static void write(String name, String manifests) {
        try {
            Files.createDirectories(renderedDir());
            Files.writeString(renderedDir().resolve(name + ".yaml"), manifests);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T extends HasMetadata> Map<String, T> byName(List<HasMetadata> objects, Class<T> type) {
        Map<String, T> found = new LinkedHashMap<>();
        objects.stream().filter(type::isInstance).map(type::cast)
                .forEach(o -> found.put(o.getMetadata().getName(), o));
        return found;
    }
}
