package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.BackendKind;
import dev.lambdakit.function.Architecture;
import dev.lambdakit.function.Execution;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs each test with a Lambda function in a simulated execution environment, injected as a
 * {@link dev.lambdakit.runtime.LambdaFunction} parameter (and a {@link com.amazonaws.services.lambda.runtime.Context}
 * for calling a handler directly).
 *
 * <p>Every test gets its own function, so state never leaks between tests, and the test thread sees the function's
 * environment ({@link Env @Env} variables, Lambda's reserved variables, temporary credentials) through
 * {@code System.getenv} until the test ends. A method-level {@code @LambdaTest} replaces the class-level one. The
 * annotation may be used as a meta-annotation to compose your own.
 *
 * <pre>{@code
 * @LambdaTest(handler = "com.acme.orders.CreateOrder::handleRequest", memoryMb = 512, timeout = "10s")
 * @Env(name = "TABLE_NAME", value = "orders")
 * class CreateOrderTest {
 *     @Test
 *     void createsOrder(LambdaFunction fn) {
 *         InvocationResult<Object> result = fn.invoke("{\"sku\":\"A-1\"}");
 *         LambdaAssertions.assertThat(result).succeeded();
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({GuardExtension.class, LambdaExtension.class})
@API(status = EXPERIMENTAL, since = "0.1")
public @interface LambdaTest {

    /**
     * A SAM or CloudFormation template (YAML or JSON, CDK output included) holding the function's configuration:
     * handler, runtime, memory, timeout, architecture, environment and log format come from it, {@code Globals} and
     * intrinsic functions resolved. A path from the module's folder (or a parent's), or a class path resource.
     * Attributes set here to other than their defaults, and {@link Env @Env}, override the template. With {@link
     * #services()}, the template's buckets, queues and tables of those services are created for each test under the
     * names the function receives, and removed after it.
     *
     * <pre>{@code
     * @LambdaTest(template = "template.yaml", function = "CreateOrderFunction", parameters = "Stage=test")
     * class CreateOrderTest { ... }
     * }</pre>
     */
    String template() default "";

    /** The template's function, by logical id; may be left out when the template declares one function. */
    String function() default "";

    /** Values for the template's {@code Parameters}, each {@code Name=value}, in place of their defaults. */
    String[] parameters() default {};

    /** The handler string, {@code pkg.Class} or {@code pkg.Class::method}, as in the function's configuration. */
    String handler() default "";

    /** The handler class (a {@code RequestHandler} or {@code RequestStreamHandler}), instead of a string. */
    Class<?> handlerClass() default void.class;

    /** The function name; defaults to the handler class's simple name. */
    String functionName() default "";

    /** Memory in MB, 128 to 10240. */
    int memoryMb() default 128;

    /** Timeout: {@code "3s"}, {@code "2m"}, {@code "PT15S"} or a number of seconds; 1 to 900 whole seconds. */
    String timeout() default "3s";

    String region() default "us-east-1";

    Architecture architecture() default Architecture.X86_64;

    /** The Java runtime, for example {@code java21}; defaults to the one matching the test JVM. */
    String runtime() default "";

    /**
     * Where the handler runs: in the test's JVM (the default), there with its libraries loaded anew per execution
     * environment ({@link Execution#IN_PROCESS_ISOLATED}, so a cold start resets their static state), in a child JVM
     * under the official runtime interface client ({@link Execution#FORKED}, which needs {@code
     * aws-lambda-java-runtime-interface-client} on the test class path), under LambdaKit's bootstrap ({@link
     * Execution#FORKED_BOOTSTRAP}) or in a container ({@link Execution#CONTAINER}). A handler instance from a {@link
     * LambdaHandler} factory runs only {@link Execution#IN_PROCESS}.
     */
    Execution execution() default Execution.IN_PROCESS;

    /**
     * Variables of the test JVM's own environment the function sees too (when set there), such as {@code HOME}. By
     * default it sees none, as on Lambda: only the platform's variables, its credentials and its {@code @Env}.
     */
    String[] hostEnv() default {};

    /** A seed for repeatable request ids and credentials; 0 means random. */
    long seed() default 0;

    /**
     * AWS services the test uses: each is started on the backend and its endpoint put in the function's environment
     * ({@code AWS_ENDPOINT_URL_<SERVICE>}), where SDK clients inside the handler and in the test find it. A service
     * the backend cannot serve here fails the test, saying which backend has it.
     */
    AwsService[] services() default {};

    /** Where those services run; {@code -Dlambdakit.backend=...} overrides it for a whole run. */
    BackendKind backend() default BackendKind.EMBEDDED;

    /**
     * Skip, rather than fail, when the backend or {@code execution = CONTAINER} needs a Docker engine and none
     * answers (as Testcontainers' {@code @Testcontainers(disabledWithoutDocker = true)}). A missing artifact always
     * fails.
     */
    boolean disabledWithoutDocker() default false;
}
