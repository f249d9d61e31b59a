package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets this test (its thread, its function's threads) reach real AWS endpoints, which LambdaKit's guard otherwise
 * refuses. For end-to-end tests against a deployed stack, on purpose. It works on any test class or method: with
 * {@code @LambdaTest}, with {@code @LambdaServiceTest}, or on a plain test when the guard covers every test
 * ({@code lambdakit.guard=global}).
 *
 * <pre>{@code
 * @Test
 * @AllowRealAws
 * void talksToTheDeployedStack(LambdaFunction fn) {
 *     assertThat(fn.invoke(Map.of("ping", true))).succeeded();
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(GuardExtension.class)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface AllowRealAws {}
