package org.smarttown.k8s;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What every rendered suite must satisfy. Returns the violations as readable sentences, so that a
 * test can both demand none (for the real values) and demand a particular one (for broken values).
 */
final class ManifestRules {

    static final List<String> REQUIRED_LABELS = List.of(
            "app.kubernetes.io/name", "app.kubernetes.io/part-of", "app.kubernetes.io/version",
            "app.kubernetes.io/component");

    private final List<HasMetadata> objects;
    private final Set<String> externalSecrets;
    private final List<String> violations = new ArrayList<>();

    private ManifestRules(List<HasMetadata> objects, Set<String> externalSecrets) {
        this.objects = objects;
        this.externalSecrets = externalSecrets;
    }

    /**
     * @param externalSecrets Secrets the suite reads but does not render (created by an operator or by
     *                        hand, as k8s/README.md documents)
     */
    static List<String> check(List<HasMetadata> objects, Set<String> externalSecrets) {
        ManifestRules rules = new ManifestRules(objects, externalSecrets);
        rules.run();
        return rules.violations;
    }

    private void run() {
        deployments().forEach(this::checkWorkload);
        of(Pod.class).forEach(pod -> checkPodSpec("Pod " + name(pod), pod.getSpec(), false));
        of(Service.class).forEach(this::checkService);
        of(NetworkPolicy.class).forEach(this::checkNetworkPolicy);
        checkEveryWorkloadIsIsolated();
        of(HorizontalPodAutoscaler.class).forEach(hpa -> {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            if (deployments().noneMatch(d -> name(d).equals(target))) {
                violations.add("HorizontalPodAutoscaler " + name(hpa) + " scales " + target + ", which is not rendered");
            }
        });
        of(PodDisruptionBudget.class).forEach(pdb -> {
            if (!selectsSomePod(pdb.getSpec().getSelector())) {
                violations.add("PodDisruptionBudget " + name(pdb) + " selects no pod");
            }
        });
        of(Ingress.class).forEach(this::checkIngress);
    }

    private void checkWorkload(Deployment deployment) {
        String what = "Deployment " + name(deployment);
        Map<String, String> podLabels = Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .orElse(Map.of());
        for (String label : REQUIRED_LABELS) {
            if (!podLabels.containsKey(label) || !labels(deployment).containsKey(label)) {
                violations.add(what + " lacks the label " + label);
            }
        }
        if (!matches(deployment.getSpec().getSelector(), podLabels)) {
            violations.add(what + " has a selector that does not match its own pods");
        }
        checkPodSpec(what, deployment.getSpec().getTemplate().getSpec(), true);
    }

    private void checkPodSpec(String what, PodSpec pod, boolean needsProbes) {
        PodSecurityContext podSecurity = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
        String account = pod.getServiceAccountName();
        if (needsProbes) {
            if (account == null || account.isBlank() || account.equals("default")) {
                violations.add(what + " runs under the default service account");
            } else if (of(ServiceAccount.class).noneMatch(sa -> name(sa).equals(account))) {
                violations.add(what + " names the service account " + account + ", which is not rendered");
            }
        }
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            violations.add(what + " mounts a service-account token");
        }
        Boolean podNonRoot = podSecurity.getRunAsNonRoot();
        boolean podSeccomp = podSecurity.getSeccompProfile() != null
                && "RuntimeDefault".equals(podSecurity.getSeccompProfile().getType());
        for (Container container : pod.getContainers()) {
            String c = what + " container " + container.getName();
            SecurityContext security = Optional.ofNullable(container.getSecurityContext()).orElseGet(SecurityContext::new);
            Boolean nonRoot = security.getRunAsNonRoot() != null ? security.getRunAsNonRoot() : podNonRoot;
            Long user = security.getRunAsUser() != null ? security.getRunAsUser() : podSecurity.getRunAsUser();
            if (!Boolean.TRUE.equals(nonRoot) || Long.valueOf(0).equals(user)) {
                violations.add(c + " may run as root (runAsNonRoot must be true and runAsUser not 0)");
            }
            if (!Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
                violations.add(c + " allows privilege escalation");
            }
            if (Boolean.TRUE.equals(security.getPrivileged())) {
                violations.add(c + " is privileged");
            }
            if (!Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())) {
                violations.add(c + " has a writable root filesystem");
            }
            List<String> dropped = Optional.ofNullable(security.getCapabilities()).map(Capabilities::getDrop).orElse(List.of());
            if (!dropped.contains("ALL")) {
                violations.add(c + " does not drop ALL capabilities");
            }
            boolean seccomp = security.getSeccompProfile() != null
                    ? "RuntimeDefault".equals(security.getSeccompProfile().getType()) : podSeccomp;
            if (!seccomp) {
                violations.add(c + " has no RuntimeDefault seccomp profile");
            }
            checkResources(c, container);
            checkImage(c, container.getImage());
            if (needsProbes) {
                checkProbe(c, "liveness", container.getLivenessProbe(), "/q/health/live");
                checkProbe(c, "readiness", container.getReadinessProbe(), "/q/health/ready");
                checkProbe(c, "startup", container.getStartupProbe(), "/q/health/started");
                checkTmp(c, pod, container);
            }
            checkReferences(c, container);
        }
    }

    private void checkResources(String c, Container container) {
        Map<String, Quantity> requests = Optional.ofNullable(container.getResources()).map(r -> r.getRequests()).orElse(Map.of());
        Map<String, Quantity> limits = Optional.ofNullable(container.getResources()).map(r -> r.getLimits()).orElse(Map.of());
        for (String resource : List.of("cpu", "memory")) {
            if (!requests.containsKey(resource)) {
                violations.add(c + " has no " + resource + " request");
            }
            if (!limits.containsKey(resource)) {
                violations.add(c + " has no " + resource + " limit");
            }
            if (requests.containsKey(resource) && limits.containsKey(resource)
                    && Quantity.getAmountInBytes(requests.get(resource)).compareTo(Quantity.getAmountInBytes(limits.get(resource))) > 0) {
                violations.add(c + " requests more " + resource + " than its limit");
            }
        }
    }

    private void checkImage(String c, String image) {
        // An explicit registry host (with a dot or a port) and group, never the OS user's name.
        String[] parts = image == null ? new String[0] : image.split("/");
        if (parts.length < 3 || !(parts[0].contains(".") || parts[0].contains(":"))
                || parts[1].equals("root") || !image.contains(":") || image.endsWith(":latest")) {
            violations.add(c + " image " + image + " needs an explicit registry, group and a tag other than latest");
        }
    }

    private void checkProbe(String c, String kind, Probe probe, String path) {
        if (probe == null) {
            violations.add(c + " has no " + kind + " probe");
            return;
        }
        HTTPGetAction get = probe.getHttpGet();
        if (get == null || !path.equals(get.getPath())) {
            violations.add(c + " " + kind + " probe does not GET " + path);
        }
    }

    private void checkTmp(String c, PodSpec pod, Container container) {
        boolean mounted = Optional.ofNullable(container.getVolumeMounts()).orElse(List.of()).stream()
                .filter(m -> "/tmp".equals(m.getMountPath()))
                .anyMatch(m -> Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                        .anyMatch(v -> v.getName().equals(m.getName()) && v.getEmptyDir() != null));
        if (!mounted) {
            violations.add(c + " has no emptyDir mounted on /tmp");
        }
    }

    private void checkReferences(String c, Container container) {
        for (EnvVar env : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            if (env.getValueFrom() == null) {
                continue;
            }
            if (env.getValueFrom().getSecretKeyRef() != null) {
                secretExists(c + " env " + env.getName(), env.getValueFrom().getSecretKeyRef().getName(),
                        env.getValueFrom().getSecretKeyRef().getKey());
            }
            if (env.getValueFrom().getConfigMapKeyRef() != null) {
                configMapExists(c + " env " + env.getName(), env.getValueFrom().getConfigMapKeyRef().getName());
            }
        }
        for (EnvFromSource from : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null) {
                configMapExists(c + " envFrom", from.getConfigMapRef().getName());
            }
            if (from.getSecretRef() != null) {
                secretExists(c + " envFrom", from.getSecretRef().getName(), null);
            }
        }
    }

    private void secretExists(String what, String name, String key) {
        if (externalSecrets.contains(name)) {
            return;
        }
        Optional<Secret> secret = of(Secret.class).filter(s -> name(s).equals(name)).findFirst();
        if (secret.isEmpty()) {
            violations.add(what + " reads the Secret " + name + ", which is neither rendered nor documented as external");
        } else if (key != null && !hasKey(secret.get(), key)) {
            violations.add(what + " reads the key " + key + " that the Secret " + name + " does not hold");
        }
    }

    private static boolean hasKey(Secret secret, String key) {
        return Optional.ofNullable(secret.getStringData()).orElse(Map.of()).containsKey(key)
                || Optional.ofNullable(secret.getData()).orElse(Map.of()).containsKey(key);
    }

    private void configMapExists(String what, String name) {
        if (of(ConfigMap.class).noneMatch(cm -> name(cm).equals(name))) {
            violations.add(what + " reads the ConfigMap " + name + ", which is not rendered");
        }
    }

    private void checkService(Service service) {
        String what = "Service " + name(service);
        Map<String, String> selector = service.getSpec().getSelector();
        if (selector == null || selector.isEmpty()) {
            violations.add(what + " has no selector");
            return;
        }
        List<PodSpec> pods = deployments()
                .filter(d -> matches(selector, d.getSpec().getTemplate().getMetadata().getLabels()))
                .map(d -> d.getSpec().getTemplate().getSpec()).toList();
        if (pods.isEmpty()) {
            violations.add(what + " selects no pods");
            return;
        }
        for (ServicePort port : service.getSpec().getPorts()) {
            boolean resolves = pods.stream().flatMap(p -> p.getContainers().stream())
                    .flatMap(c -> Optional.ofNullable(c.getPorts()).orElse(List.<ContainerPort>of()).stream())
                    .anyMatch(cp -> port.getTargetPort() == null
                            ? Objects.equals(cp.getContainerPort(), port.getPort())
                            : port.getTargetPort().getStrVal() != null
                                    ? port.getTargetPort().getStrVal().equals(cp.getName())
                                    : Objects.equals(port.getTargetPort().getIntVal(), cp.getContainerPort()));
            if (!resolves) {
                violations.add(what + " port " + port.getPort() + " targets no container port of its pods");
            }
        }
    }

    private void checkNetworkPolicy(NetworkPolicy policy) {
        String what = "NetworkPolicy " + name(policy);
        if (!selectsSomePod(policy.getSpec().getPodSelector())) {
            violations.add(what + " selects no pods");
        }
        Stream<NetworkPolicyPeer> peers = Stream.concat(
                Optional.ofNullable(policy.getSpec().getIngress()).orElse(List.of()).stream()
                        .flatMap(rule -> Optional.ofNullable(rule.getFrom()).orElse(List.of()).stream()),
                Optional.ofNullable(policy.getSpec().getEgress()).orElse(List.of()).stream()
                        .flatMap(rule -> Optional.ofNullable(rule.getTo()).orElse(List.of()).stream()));
        // A peer in the release's own namespace (no namespaceSelector) that names our pods must find them.
        peers.filter(peer -> peer.getNamespaceSelector() == null && peer.getPodSelector() != null)
                .filter(peer -> labelsOf(peer.getPodSelector()).containsKey("app.kubernetes.io/instance"))
                .filter(peer -> !selectsSomePod(peer.getPodSelector()))
                .forEach(peer -> violations.add(what + " names peers " + labelsOf(peer.getPodSelector()) + " that no pod has"));
    }

    private void checkEveryWorkloadIsIsolated() {
        boolean defaultDeny = of(NetworkPolicy.class).anyMatch(p ->
                p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of()).isEmpty()
                        && Optional.ofNullable(p.getSpec().getEgress()).orElse(List.of()).isEmpty()
                        && deployments().allMatch(d -> matches(p.getSpec().getPodSelector(), d.getSpec().getTemplate().getMetadata().getLabels())));
        if (!defaultDeny) {
            violations.add("no default-deny NetworkPolicy covers every workload");
        }
    }

    private void checkIngress(Ingress ingress) {
        String what = "Ingress " + name(ingress);
        if (ingress.getSpec().getTls() == null || ingress.getSpec().getTls().isEmpty()) {
            violations.add(what + " has no TLS");
        } else {
            ingress.getSpec().getTls().forEach(tls -> secretExists(what + " TLS", tls.getSecretName(), null));
        }
        ingress.getSpec().getRules().stream().flatMap(r -> r.getHttp().getPaths().stream()).forEach(path -> {
            String backend = path.getBackend().getService().getName();
            Optional<Service> service = of(Service.class).filter(s -> name(s).equals(backend)).findFirst();
            if (service.isEmpty()) {
                violations.add(what + " routes to the Service " + backend + ", which is not rendered");
            } else {
                String portName = path.getBackend().getService().getPort().getName();
                Integer portNumber = path.getBackend().getService().getPort().getNumber();
                if (service.get().getSpec().getPorts().stream().noneMatch(p ->
                        portName != null ? portName.equals(p.getName()) : Objects.equals(portNumber, p.getPort()))) {
                    violations.add(what + " routes to a port the Service " + backend + " does not have");
                }
            }
        });
    }

    private boolean selectsSomePod(LabelSelector selector) {
        return selector != null && !labelsOf(selector).isEmpty()
                ? deployments().anyMatch(d -> matches(selector, d.getSpec().getTemplate().getMetadata().getLabels()))
                : selector != null && deployments().findAny().isPresent();
    }

    private static Map<String, String> labelsOf(LabelSelector selector) {
        return Optional.ofNullable(selector.getMatchLabels()).orElse(Map.of());
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new IllegalArgumentException("matchExpressions are not used by this chart: extend the rules first");
        }
        return matches(labelsOf(selector), labels);
    }

    static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        Map<String, String> have = labels == null ? Map.of() : labels;
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(have.get(e.getKey())));
    }

    private Stream<Deployment> deployments() {
        return of(Deployment.class);
    }

    private <T> Stream<T> of(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast);
    }

    private static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static Map<String, String> labels(HasMetadata object) {
        return Optional.ofNullable(object.getMetadata().getLabels()).orElse(Map.of());
    }
}
