package org.smarttown.gateway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts {@link FakeServices} and points every route of the gateway at them. Besides the four real
 * routes it adds three that only tests have: {@code /api/slow} (a 500 ms timeout), and {@code /api/down}
 * and {@code /api/flaky} (ports where nothing listens).
 */
public class FakeServicesResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> SERVICES = List.of("residents", "care", "coworking", "mentoring", "slow");

    private FakeServices services;

    @Override
    public Map<String, String> start() {
        services = new FakeServices();
        services.start(SERVICES.toArray(String[]::new));
        Map<String, String> config = new HashMap<>();
        for (String service : SERVICES) {
            config.put("smarttown.gateway.routes." + service + ".url", "http://127.0.0.1:" + services.port(service));
        }
        config.put("smarttown.gateway.routes.slow.prefixes", "/api/slow");
        config.put("smarttown.gateway.routes.slow.timeout", "500ms");
        config.put("smarttown.gateway.routes.down.url", "http://127.0.0.1:" + FakeServices.closedPort());
        config.put("smarttown.gateway.routes.down.prefixes", "/api/down");
        // Its own dead service, so the circuit-breaker test does not open the breaker of /api/down.
        config.put("smarttown.gateway.routes.flaky.url", "http://127.0.0.1:" + FakeServices.closedPort());
        config.put("smarttown.gateway.routes.flaky.prefixes", "/api/flaky");
        return config;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(services, new TestInjector.MatchesType(FakeServices.class));
    }

    @Override
    public void stop() {
        if (services != null) {
            services.stop();
        }
    }
}
