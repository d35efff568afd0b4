package org.smarttown.resident;

import org.smarttown.commons.testing.ServicePlatformTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ResidentPlatformTest extends ServicePlatformTest {

    @Override
    protected String apiPath() {
        return "/api/residents";
    }
}
