package dev.lambdakit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.function.Execution;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.function.LambdaConfigurationException;
import dev.lambdakit.testhandlers.SnapHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SnapStartTest {

    private static FunctionConfig.Builder snapStart() {
        return FunctionConfig.builder()
                .handler(SnapHandler.class)
                .snapStart(true)
                .version("3");
    }

    @ParameterizedTest
    @EnumSource(
            value = Execution.class,
            names = {"IN_PROCESS", "IN_PROCESS_ISOLATED"})
    void aPublishedVersionRestoresRunningTheFunctionsHooks(Execution execution) {
        try (LambdaFunction fn =
                LambdaFunction.create(snapStart().execution(execution).build())) {
            InvocationResult<Object> first = fn.invoke("{}");
            InvocationResult<Object> warm = fn.invoke("{}");
            fn.forceColdStart();
            InvocationResult<Object> again = fn.invoke("{}");

            assertThat(first.payloadAsString()).isEqualTo("\"init:snap-start,beforeCheckpoint,afterRestore,invoke\"");
            assertThat(warm.payloadAsString())
                    .isEqualTo("\"init:snap-start,beforeCheckpoint,afterRestore,invoke,invoke\"");
            assertThat(again.payloadAsString()).isEqualTo("\"init:snap-start,beforeCheckpoint,afterRestore,invoke\"");
            Report report = first.report();
            assertThat(report.coldStart()).isTrue();
            assertThat(report.initDurationMillis()).isEmpty();
            assertThat(report.restoreDurationMillis()).isPresent();
            assertThat(report.toLogLine())
                    .doesNotContain("Init Duration")
                    .containsPattern("\tRestore Duration: \\d+\\.\\d\\d ms\tBilled Restore Duration: \\d+ ms\t$");
            assertThat(first.log())
                    .containsPattern("INIT_REPORT Init Duration: \\d+\\.\\d\\d ms\tPhase: init\tStatus: success")
                    .contains("RESTORE_START Runtime Version: ")
                    .containsPattern("RESTORE_REPORT Restore Duration: \\d+\\.\\d\\d ms");
            assertThat(warm.report().restoreDurationMillis()).isEmpty();
        }
    }

    @Test
    void latestStartsOnDemandAndNoHookRuns() {
        try (LambdaFunction fn =
                LambdaFunction.create(snapStart().version("$LATEST").build())) {
            InvocationResult<Object> result = fn.invoke("{}");

            assertThat(result.payloadAsString()).isEqualTo("\"init:on-demand,invoke\"");
            assertThat(result.report().initDurationMillis()).isPresent();
            assertThat(result.report().restoreDurationMillis()).isEmpty();
        }
    }

    @Test
    void aFailingHookFailsTheInitWithLambdasErrorType() {
        for (String phase : new String[] {"before", "after"}) {
            try (LambdaFunction fn =
                    LambdaFunction.create(snapStart().env("FAIL_HOOK", phase).build())) {
                InvocationResult<Object> result = fn.invoke("{}");

                assertThat(result.error()).isPresent();
                LambdaError error = result.error().get();
                assertThat(error.functionErrorType())
                        .isEqualTo(
                                phase.equals("before") ? "Runtime.BeforeCheckpointError" : "Runtime.AfterRestoreError");
                assertThat(error.errorType()).isEqualTo("java.lang.IllegalStateException");
            }
        }
    }

    @Test
    void forkedRuntimesAreRefusedForASnapStartVersion() {
        assertThatThrownBy(() -> snapStart().execution(Execution.FORKED).build())
                .isInstanceOf(LambdaConfigurationException.class)
                .hasMessageContaining("SnapStart is simulated in process");
    }
}
