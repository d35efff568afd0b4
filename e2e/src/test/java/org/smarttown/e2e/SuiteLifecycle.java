package org.smarttown.e2e;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Stops the suite once, after the last test class, if this run started it: each class only makes
 * sure it runs ({@link LocalSuite#ensureUp}), so the suite starts once per run, not once per class.
 */
public class SuiteLifecycle implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        LocalSuite.stopIfStartedHere();
    }
}
