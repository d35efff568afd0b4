package org.smarttown.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** What every test of this module runs against, started once for all test classes. */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(FakeServicesResource.class)
public final class TestResources {

    private TestResources() {
    }
}
