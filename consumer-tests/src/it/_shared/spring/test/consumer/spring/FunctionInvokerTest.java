package consumer.spring;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;

import dev.lambdakit.junit.Env;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import org.junit.jupiter.api.Test;

@LambdaTest(handler = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest",
        functionName = "uppercase-fn", memoryMb = 1024, timeout = "60s")
@Env(name = "MAIN_CLASS", value = "consumer.spring.UppercaseApp")
@Env(name = "SPRING_CLOUD_FUNCTION_DEFINITION", value = "uppercase")
class FunctionInvokerTest {

    @Test
    void springCloudFunctionRunsAsTheLambdaHandler(LambdaFunction fn) {
        var first = fn.invoke("\"hello\"");
        assertThat(first).succeeded().wasColdStart();
        assertThat(first.payloadAsString()).contains("HELLO from uppercase-fn");
        var second = fn.invoke("\"again\"");
        assertThat(second).succeeded().wasWarmStart();
        assertThat(second.payloadAsString()).contains("AGAIN");
    }
}
