package dev.lambdakit.template.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.env.internal.Partitions;
import dev.lambdakit.function.LambdaConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Resolves CloudFormation's intrinsic functions in template values: {@code Ref}, {@code Fn::Sub}, {@code
 * Fn::GetAtt}, {@code Fn::Join}, {@code Fn::If} with the template's conditions, {@code Fn::Select}, {@code
 * Fn::Split}, {@code Fn::FindInMap}, {@code Fn::GetAZs} and {@code Fn::Base64}. A property whose value is {@code
 * AWS::NoValue} disappears, as in CloudFormation.
 */
@API(status = INTERNAL, since = "0.1")
public final class Intrinsics {

    /** What {@code Ref: AWS::NoValue} resolves to before its property is dropped. */
    private static final Object NO_VALUE = new Object();

    private final Map<String, Object> parameters;
    private final Map<String, Object> pseudo = new HashMap<>();
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final ResourceNames resources;
    private final String region;
    private final Map<String, Boolean> evaluated = new HashMap<>();
    private final Set<String> evaluating = new HashSet<>();

    /**
     * @param parameters each parameter's value: a string, or a list of strings for list types
     */
    @SuppressWarnings("unchecked")
    public Intrinsics(
            Map<String, Object> template,
            Map<String, Object> parameters,
            ResourceNames resources,
            String stackName,
            String region,
            String accountId) {
        this.parameters = parameters;
        this.conditions = template.get("Conditions") instanceof Map<?, ?> c ? (Map<String, Object>) c : Map.of();
        this.mappings = template.get("Mappings") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        this.resources = resources;
        this.region = region;
        pseudo.put("AWS::Region", region);
        pseudo.put("AWS::AccountId", accountId);
        pseudo.put("AWS::StackName", stackName);
        pseudo.put(
                "AWS::StackId",
                "arn:" + Partitions.id(region) + ":cloudformation:" + region + ":" + accountId + ":stack/" + stackName
                        + "/00000000-0000-4000-8000-000000000000");
        pseudo.put("AWS::Partition", Partitions.id(region));
        pseudo.put("AWS::URLSuffix", Partitions.of(region).dnsSuffix());
        pseudo.put("AWS::NotificationARNs", List.of());
        pseudo.put("AWS::NoValue", NO_VALUE);
        resources.resolveWith(v -> resolve(v, "a resource name"));
    }

    /**
     * The value with every intrinsic resolved.
     *
     * @param where the value's place in the template, for messages ({@code Resources.Orders.Properties.Timeout})
     */
    public Object resolve(Object value, String where) {
        Object resolved = value(value, where);
        return resolved == NO_VALUE ? null : resolved;
    }

    /** Whether the named condition holds with these parameters. */
    public boolean condition(String name, String where) {
        Boolean known = evaluated.get(name);
        if (known != null) {
            return known;
        }
        if (!conditions.containsKey(name)) {
            throw error(where, "condition " + name + " is not in the template's Conditions " + conditions.keySet());
        }
        if (!evaluating.add(name)) {
            throw error(where, "condition " + name + " depends on itself");
        }
        boolean holds = bool(conditions.get(name), "Conditions." + name);
        evaluating.remove(name);
        evaluated.put(name, holds);
        return holds;
    }

    private Object value(Object value, String where) {
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Object item = value(list.get(i), where + "[" + i + "]");
                if (item != NO_VALUE) {
                    out.add(item);
                }
            }
            return out;
        }
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        if (map.size() == 1) {
            String key = (String) map.keySet().iterator().next();
            Object argument = map.get(key);
            if (key.equals("Ref")) {
                return ref(text(argument, where + ".Ref"), where);
            }
            if (key.startsWith("Fn::")) {
                return function(key.substring(4), argument, where + "." + key);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            Object item = value(v, where + "." + k);
            if (item != NO_VALUE) {
                out.put((String) k, item);
            }
        });
        return out;
    }

    private Object ref(String name, String where) {
        if (pseudo.containsKey(name)) {
            return pseudo.get(name);
        }
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (resources.type(name) != null) {
            return resources.ref(name);
        }
        if (name.equals("ServerlessRestApi") || name.equals("ServerlessHttpApi")) {
            return resources.ref(name);
        }
        throw error(where, "Ref " + name + " names no parameter, resource or pseudo parameter of the template");
    }

    private Object function(String name, Object argument, String where) {
        return switch (name) {
            case "Sub" -> sub(argument, where);
            case "GetAtt" -> {
                List<?> args = list(argument, 2, where);
                String resource = text(args.get(0), where);
                if (resources.type(resource) == null) {
                    throw error(where, "Fn::GetAtt names " + resource + ", which is not a resource of the template");
                }
                yield resources.attribute(resource, text(args.get(1), where), where);
            }
            case "Join" -> {
                List<?> args = list(argument, 2, where);
                String delimiter = text(args.get(0), where);
                List<String> parts = new ArrayList<>();
                for (Object part : list(value(args.get(1), where), -1, where)) {
                    parts.add(text(part, where));
                }
                yield String.join(delimiter, parts);
            }
            case "If" -> {
                List<?> args = list(argument, 3, where);
                yield condition(text(args.get(0), where), where)
                        ? value(args.get(1), where + "[1]")
                        : value(args.get(2), where + "[2]");
            }
            case "Select" -> {
                List<?> args = list(argument, 2, where);
                int index = Integer.parseInt(text(value(args.get(0), where), where));
                List<?> from = list(value(args.get(1), where), -1, where);
                if (index < 0 || index >= from.size()) {
                    throw error(where, "Fn::Select index " + index + " is outside the list " + from);
                }
                yield from.get(index);
            }
            case "Split" -> {
                List<?> args = list(argument, 2, where);
                String delimiter = text(args.get(0), where);
                yield List.of(
                        text(value(args.get(1), where), where).split(java.util.regex.Pattern.quote(delimiter), -1));
            }
            case "FindInMap" -> findInMap(list(argument, 3, where), where);
            case "GetAZs" -> List.of(region + "a", region + "b", region + "c");
            case "Base64" ->
                Base64.getEncoder()
                        .encodeToString(text(value(argument, where), where).getBytes(StandardCharsets.UTF_8));
            case "Equals", "And", "Or", "Not" -> bool(Map.of("Fn::" + name, argument), where);
            default ->
                throw error(
                        where,
                        "Fn::" + name + " cannot be resolved locally (LambdaKit resolves Ref, Fn::Sub, Fn::GetAtt, "
                                + "Fn::Join, Fn::If, Fn::Select, Fn::Split, Fn::FindInMap, Fn::GetAZs, Fn::Base64 and "
                                + "the condition functions); give the value as a template parameter instead");
        };
    }

    private boolean bool(Object expression, String where) {
        if (expression instanceof Boolean b) {
            return b;
        }
        if (expression instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(s);
        }
        if (expression instanceof Map<?, ?> map && map.size() == 1) {
            String key = (String) map.keySet().iterator().next();
            Object argument = map.get(key);
            switch (key) {
                case "Condition":
                    return condition(text(argument, where), where);
                case "Fn::Equals": {
                    List<?> args = list(argument, 2, where);
                    return String.valueOf(value(args.get(0), where)).equals(String.valueOf(value(args.get(1), where)));
                }
                case "Fn::Not":
                    return !bool(list(argument, 1, where).get(0), where);
                case "Fn::And":
                    for (Object c : list(argument, -1, where)) {
                        if (!bool(c, where)) {
                            return false;
                        }
                    }
                    return true;
                case "Fn::Or":
                    for (Object c : list(argument, -1, where)) {
                        if (bool(c, where)) {
                            return true;
                        }
                    }
                    return false;
                default:
                    return bool(value(expression, where), where);
            }
        }
        throw error(
                where, "a condition must be Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition, but was " + expression);
    }

    private Object findInMap(List<?> args, String where) {
        String map = text(value(args.get(0), where), where);
        String top = text(value(args.get(1), where), where);
        String second = text(value(args.get(2), where), where);
        if (mappings.get(map) instanceof Map<?, ?> m && m.get(top) instanceof Map<?, ?> t && t.containsKey(second)) {
            return value(t.get(second), where);
        }
        throw error(where, "Fn::FindInMap finds nothing at Mappings." + map + "." + top + "." + second);
    }

    /** {@code Fn::Sub}: {@code ${Name}}, {@code ${Resource.Attribute}} and {@code ${!Literal}}. */
    private String sub(Object argument, String where) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> args) {
            List<?> both = list(args, 2, where);
            text = text(both.get(0), where);
            if (!(both.get(1) instanceof Map<?, ?> vars)) {
                throw error(where, "Fn::Sub's second argument must map names to values");
            }
            variables = vars;
        } else {
            text = text(argument, where);
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int start = text.indexOf("${", i);
            if (start < 0) {
                out.append(text, i, text.length());
                break;
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw error(where, "Fn::Sub has an unclosed ${ at " + start + " in \"" + text + "\"");
            }
            out.append(text, i, start);
            String name = text.substring(start + 2, end).trim();
            if (name.startsWith("!")) {
                out.append("${").append(name.substring(1)).append('}');
            } else if (variables.containsKey(name)) {
                out.append(text(value(variables.get(name), where), where));
            } else if (name.indexOf('.') > 0 && !pseudo.containsKey(name) && !parameters.containsKey(name)) {
                int dot = name.indexOf('.');
                out.append(text(
                        function("GetAtt", List.of(name.substring(0, dot), name.substring(dot + 1)), where), where));
            } else {
                out.append(text(ref(name, where), where));
            }
            i = end + 1;
        }
        return out.toString();
    }

    private static List<?> list(Object value, int size, String where) {
        if (!(value instanceof List<?> list) || (size >= 0 && list.size() != size)) {
            throw error(where, "expected a list" + (size >= 0 ? " of " + size : "") + ", but was " + value);
        }
        return list;
    }

    private static String text(Object value, String where) {
        if (value instanceof String || value instanceof Boolean) {
            return String.valueOf(value);
        }
        if (value instanceof List<?> list) {
            // A CommaDelimitedList parameter in a string position: CloudFormation joins it with commas.
            List<String> parts = new ArrayList<>();
            list.forEach(item -> parts.add(String.valueOf(item)));
            return String.join(",", parts);
        }
        throw error(where, "expected text, but was " + value);
    }

    private static LambdaConfigurationException error(String where, String message) {
        return new LambdaConfigurationException("template", where + ": " + message);
    }
}
