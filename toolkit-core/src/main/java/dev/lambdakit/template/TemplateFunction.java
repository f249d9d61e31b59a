package dev.lambdakit.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.function.FunctionConfig;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A function as a template declares it: its configuration for a {@link dev.lambdakit.runtime.LambdaFunction}, its
 * events, and what the template sets that LambdaKit does not simulate.
 *
 * <pre>{@code
 * TemplateFunction orders = SamTemplate.load(Path.of("template.yaml")).function("CreateOrderFunction");
 * try (LambdaFunction fn = LambdaFunction.create(orders.config())) {
 *     fn.invoke("{\"sku\":\"A-1\"}");
 * }
 * }</pre>
 *
 * @param logicalId the resource's key under {@code Resources}
 * @param config handler, runtime, memory, timeout, architecture, name and environment, from the template and its
 *     {@code Globals}
 * @param events the SAM function's {@code Events} by name, in template order
 * @param snapStart whether {@code SnapStart: ApplyOn: PublishedVersions} is set
 * @param skipped each property that has no effect locally, with why (for example {@code "VpcConfig: no network is
 *     simulated"})
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TemplateFunction(
        String logicalId,
        FunctionConfig config,
        Map<String, TemplateEvent> events,
        boolean snapStart,
        List<String> skipped) {

    public TemplateFunction {
        events = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(events));
        skipped = List.copyOf(skipped);
    }
}
