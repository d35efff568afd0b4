package org.smarttown.care;

import org.smarttown.commons.testing.ServicePlatformTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CarePlatformTest extends ServicePlatformTest {

    @Override
    protected String apiPath() {
        return "/api/care";
    }
}
