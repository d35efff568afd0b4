package org.smarttown.mentoring;

import org.smarttown.commons.testing.ServicePlatformTest;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MentoringPlatformTest extends ServicePlatformTest {

    @Override
    protected String apiPath() {
        return "/api/mentoring";
    }
}
