package dev.lambdakit.examples.orders;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;

import dev.lambdakit.junit.Env;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import org.junit.jupiter.api.Test;

/** The production constructor, run as Lambda runs it: from the handler string, with no test hooks. */
@LambdaTest(handler = "dev.lambdakit.examples.orders.CreateOrderHandler::handleRequest", region = "eu-west-1")
class CreateOrderInitTest {

    @Test
    void failsInitWithoutTheTableAndRetriesOnTheNextInvocation(LambdaFunction fn) {
        InvocationResult<Object> first = fn.invoke(CreateOrderHandlerTest.post(""));
        InvocationResult<Object> second = fn.invoke(CreateOrderHandlerTest.post(""));

        assertThat(first)
                .failedDuringInit()
                .hasErrorType(IllegalStateException.class)
                .hasErrorMessage("Environment variable TABLE_NAME is not set")
                .hasFunctionErrorType("Runtime.BadFunctionCode");
        assertThat(second).wasColdStart().failedDuringInit();
    }

    @Test
    @Env(name = "TABLE_NAME", value = "orders")
    void buildsItsDynamoDbClientFromTheSimulatedEnvironment(LambdaFunction fn) {
        // DynamoDbClient.create() in the constructor needs a region and credentials: it finds the simulated ones.
        InvocationResult<Object> result = fn.invoke(CreateOrderHandlerTest.post(""));

        assertThat(result).succeeded().wasColdStart().hasStatusCode(400);
    }
}
