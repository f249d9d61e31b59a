package dev.lambdakit.junit.internal;

import dev.lambdakit.env.Settings;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Gives LambdaKit the run's JUnit configuration parameters ({@code junit-platform.properties}, the build tool's
 * {@code configurationParameters}) before any test runs, so that settings such as {@code lambdakit.guard=global}
 * also reach plain tests, which no LambdaKit extension sees. The JUnit Platform launcher finds it through
 * {@code ServiceLoader}.
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class SettingsListener implements TestExecutionListener {

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        Settings.useFrameworkSource(testPlan.getConfigurationParameters()::get);
    }
}
