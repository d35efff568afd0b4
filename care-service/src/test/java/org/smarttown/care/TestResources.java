package org.smarttown.care;

import org.smarttown.commons.testing.ArtemisTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real services every test of this module runs against, started once for all test classes. */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(value = ArtemisTestResource.class, initArgs = @ResourceArg(name = "queues", value = "residents.events::care-service.residents,care.events::test-probe,care.readings::care-service.readings"))
public final class TestResources {

    private TestResources() {
    }
}
