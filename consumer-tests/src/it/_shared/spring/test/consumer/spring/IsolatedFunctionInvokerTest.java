package consumer.spring;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;

import dev.lambdakit.function.Execution;
import dev.lambdakit.junit.Env;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import org.junit.jupiter.api.Test;

/** Spring Cloud Function with its libraries (Spring included) loaded anew for every execution environment. */
@LambdaTest(handler = "org.springframework.cloud.function.adapter.aws.FunctionInvoker::handleRequest",
        functionName = "uppercase-fn", memoryMb = 1024, timeout = "60s", execution = Execution.IN_PROCESS_ISOLATED)
@Env(name = "MAIN_CLASS", value = "consumer.spring.UppercaseApp")
@Env(name = "SPRING_CLOUD_FUNCTION_DEFINITION", value = "uppercase")
class IsolatedFunctionInvokerTest {

    @Test
    void springStartsAgainOnEveryColdStart(LambdaFunction fn) {
        var first = fn.invoke("\"hello\"");
        assertThat(first).succeeded().wasColdStart();
        assertThat(first.payloadAsString()).contains("HELLO from uppercase-fn");
        fn.forceColdStart();
        var second = fn.invoke("\"again\"");
        assertThat(second).succeeded().wasColdStart();
        assertThat(second.payloadAsString()).contains("AGAIN from uppercase-fn");
    }
}
