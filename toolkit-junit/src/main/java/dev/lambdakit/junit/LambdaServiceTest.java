package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.BackendKind;
import dev.lambdakit.function.Execution;
import dev.lambdakit.server.HttpFront;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * End-to-end tests: the functions declared here run behind a local Lambda service (the Invoke API) and, when asked,
 * an HTTP front, on free ports, shared by the test class. Tests get an AWS SDK {@code LambdaClient} for the service
 * (its read timeout follows the slowest function's timeout, so a slow function is not invoked again by SDK retries),
 * the {@link dev.lambdakit.server.LambdaService} itself, the HTTP front's base {@code URI}, and with a template its
 * {@link dev.lambdakit.server.TemplateApplication}, which fires the template's S3, SNS, SQS, Schedule and
 * EventBridge events at their functions.
 *
 * <pre>{@code
 * @LambdaServiceTest(functions = @LambdaServiceTest.Function(name = "orders",
 *         handler = "com.acme.CreateOrder::handleRequest"), httpFront = "orders")
 * class OrdersE2E {
 *     @Test
 *     void viaHttp(URI baseUri) throws Exception {
 *         HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
 *                 baseUri.resolve("/orders")).POST(BodyPublishers.ofString("{\"item\":\"book\"}")).build(),
 *                 BodyHandlers.ofString());
 *         assertThat(created.statusCode()).isEqualTo(201);
 *     }
 *
 *     @Test
 *     void viaTheSdk(LambdaClient lambda) { // configured for the local service: endpoint, region, fake credentials
 *         InvokeResponse response = lambda.invoke(r -> r.functionName("orders")
 *                 .payload(SdkBytes.fromUtf8String("{\"item\":\"book\"}")));
 *         assertThat(response.functionError()).isNull();
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith({GuardExtension.class, LambdaServiceExtension.class})
@API(status = EXPERIMENTAL, since = "0.1")
public @interface LambdaServiceTest {

    /** Functions declared here; with a {@link #template()}, more beside the template's. */
    Function[] functions() default {};

    /**
     * A SAM or CloudFormation template whose every function the service serves, named as the template names them
     * ({@code FunctionName}, else the logical id), each configured as {@code @LambdaTest(template = ...)} does; its
     * buckets, queues and tables of the {@link #services()} are created once for the class, its {@code Api} and
     * {@code HttpApi} events become routes of the HTTP front, and with {@code services = SQS} its {@code SQS} events
     * poll their queues in the background, as Lambda's event-source mappings do.
     */
    String template() default "";

    /** Values for the template's {@code Parameters}, each {@code Name=value}. */
    String[] parameters() default {};

    /** The region the template's {@code AWS::Region} and the functions' ARNs resolve to. */
    String region() default "us-east-1";

    /**
     * The function behind the HTTP front; empty for no front. With a {@link #template()}, leave it out: the front
     * serves the template's {@code Api} and {@code HttpApi} events as routes.
     */
    String httpFront() default "";

    HttpFront.PayloadFormat payloadFormat() default HttpFront.PayloadFormat.V2;

    /** AWS services the functions use: started on the backend, their endpoints in every function's environment. */
    AwsService[] services() default {};

    BackendKind backend() default BackendKind.EMBEDDED;

    /** Skip, rather than fail, when the backend needs a Docker engine and none answers. */
    boolean disabledWithoutDocker() default false;

    /** One function of the service. */
    @Target({})
    @Retention(RetentionPolicy.RUNTIME)
    @interface Function {
        String name();

        String handler();

        int memoryMb() default 128;

        String timeout() default "3s";

        /** Environments the function may run at once. */
        int concurrency() default 10;

        /** Where each environment runs its handler: in the test's JVM (the default) or a child JVM each. */
        Execution execution() default Execution.IN_PROCESS;

        /** The function's environment variables, declared as on a {@code @LambdaTest}: {@code env = @Env(...)}. */
        Env[] env() default {};
    }
}
