package dev.lambdakit.env;

import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.SdkIdentity;

/** Run in a child JVM whose real environment holds a developer's credentials; prints what a handler saw. */
public final class SandboxProbe {

    private SandboxProbe() {}

    public static void main(String[] args) {
        FunctionConfig config = FunctionConfig.builder()
                .handler(SdkIdentity.class.getName() + "::handle")
                .region("ap-south-1")
                .build();
        try (LambdaFunction fn = LambdaFunction.create(config)) {
            InvocationResult<Object> result = fn.invoke("\"dev\"");
            System.out.println("PROBE-RESULT " + result.payloadAsString());
            System.out.println("PROBE-SIMULATED-KEY " + fn.credentials().accessKeyId());
        }
        System.exit(0);
    }
}
