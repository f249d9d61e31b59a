package dev.lambdakit.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * A resource of a template that is not a function (a bucket, queue, table, topic, ...), with the name the template's
 * functions receive for it and its properties, intrinsics resolved.
 *
 * <pre>{@code
 * for (TemplateResource r : SamTemplate.load(Path.of("template.yaml")).resources()) {
 *     System.out.println(r.type() + " " + r.logicalId() + " is " + r.name());
 * }
 * }</pre>
 *
 * @param logicalId its key under {@code Resources}
 * @param type its {@code Type}, for example {@code AWS::SQS::Queue}
 * @param name its physical name: the name property, else {@code <stack>-<LogicalId>}
 * @param properties its {@code Properties}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record TemplateResource(String logicalId, String type, String name, Map<String, Object> properties) {

    public TemplateResource {
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }
}
