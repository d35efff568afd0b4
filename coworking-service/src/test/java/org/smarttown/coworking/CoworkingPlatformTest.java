package org.smarttown.coworking;

import org.smarttown.commons.testing.ServicePlatformTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CoworkingPlatformTest extends ServicePlatformTest {

    @Override
    protected String apiPath() {
        return "/api/coworking";
    }
}
