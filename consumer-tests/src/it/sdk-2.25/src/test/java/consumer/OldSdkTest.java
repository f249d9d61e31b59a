package consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

class OldSdkTest {

    @Test
    void aBackendTestFailsNamingTheSdkVersionItNeeds() {
        var events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(NeedsS3.class)).execute()
                .testEvents();
        events.assertStatistics(s -> s.started(1).failed(1));
        String message = events.failed().stream().findFirst().orElseThrow()
                .getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage();
        assertThat(message).contains("The AWS SDK for Java on the test class path is 2.25.70, but LambdaKit's "
                + "backends need 2.30.0 or newer: its clients read the backend's endpoints from "
                + "AWS_ENDPOINT_URL_<SERVICE> only from 2.28.1 on");
    }

    @LambdaTest(handlerClass = ArchiveHandler.class, services = AwsService.S3)
    static class NeedsS3 {
        @Test
        void archives(LambdaFunction fn) {
            assertThat(fn).isNotNull();
        }
    }
}
