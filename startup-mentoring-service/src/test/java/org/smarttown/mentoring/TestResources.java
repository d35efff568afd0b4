package org.smarttown.mentoring;

import org.smarttown.commons.testing.ArtemisTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The real services every test of this module runs against, started once for all test classes. */
@QuarkusTestResource(OidcWiremockTestResource.class)
@QuarkusTestResource(ArtemisTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
