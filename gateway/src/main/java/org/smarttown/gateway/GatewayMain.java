package org.smarttown.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The gateway's entry point. Quarkus refuses a request target that is not a valid URI (a broken
 * percent escape, a raw '|') with an empty 400, before any handler of ours; the gateway is what
 * integrators call, and every answer it gives is a problem+json. So that check is turned off here,
 * before Quarkus starts, and {@code ProblemRoutes} makes the same check first and answers with a
 * problem. The services keep Quarkus' check: through the gateway such a request never reaches them.
 */
@QuarkusMain
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
