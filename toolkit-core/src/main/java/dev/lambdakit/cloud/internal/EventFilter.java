package dev.lambdakit.cloud.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.events.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An event-source mapping's {@code FilterCriteria}: records that match none of its patterns never reach the function
 * (an SQS message that matches none is deleted, as Lambda does). Patterns use Lambda's content filtering: lists of
 * values, {@code prefix}, {@code suffix}, {@code equals-ignore-case}, {@code anything-but}, {@code exists} and {@code
 * numeric}; a field holding an array matches when one of its elements does. A message body that is JSON is matched
 * field by field, one that is not only as a plain string.
 */
@API(status = INTERNAL, since = "0.1")
public final class EventFilter {

    private final List<Map<?, ?>> patterns;

    private EventFilter(List<Map<?, ?>> patterns) {
        this.patterns = patterns;
    }

    /**
     * @param patterns each a JSON object, as in {@code FilterCriteria.Filters[].Pattern}
     * @throws IllegalArgumentException for a pattern that is not a JSON object, naming it
     */
    public static EventFilter of(List<String> patterns) {
        List<Map<?, ?>> parsed = new ArrayList<>();
        for (String pattern : patterns) {
            Object tree;
            try {
                tree = EventJson.toTree(pattern);
            } catch (RuntimeException e) {
                tree = null;
            }
            if (!(tree instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("A filter pattern must be a JSON object, but was: " + pattern);
            }
            parsed.add(map);
        }
        return new EventFilter(parsed);
    }

    /** Whether no pattern is set, so every record passes. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Whether the record (an SQS message as the event carries it) matches one of the patterns. */
    public boolean matches(Map<String, Object> record) {
        if (patterns.isEmpty()) {
            return true;
        }
        Map<String, Object> view = new java.util.LinkedHashMap<>(record);
        Object body = record.get("body");
        if (body instanceof String text) {
            try {
                Object json = EventJson.toTree(text);
                if (json instanceof Map<?, ?> || json instanceof List<?>) {
                    view.put("body", json);
                }
            } catch (RuntimeException e) {
                // not JSON: matched as the plain string it is
            }
        }
        for (Map<?, ?> pattern : patterns) {
            if (object(pattern, view)) {
                return true;
            }
        }
        return false;
    }

    private static boolean object(Map<?, ?> pattern, Object value) {
        for (Map.Entry<?, ?> entry : pattern.entrySet()) {
            Object field = value instanceof Map<?, ?> map ? map.get(entry.getKey()) : null;
            boolean present = value instanceof Map<?, ?> map && map.containsKey(entry.getKey());
            Object rule = entry.getValue();
            if (rule instanceof Map<?, ?> nested) {
                if (!object(nested, field)) {
                    return false;
                }
            } else if (rule instanceof List<?> alternatives) {
                if (!anyAlternative(alternatives, field, present)) {
                    return false;
                }
            } else {
                return false; // a pattern's leaves are lists, as Lambda requires
            }
        }
        return true;
    }

    private static boolean anyAlternative(List<?> alternatives, Object field, boolean present) {
        for (Object alternative : alternatives) {
            if (alternative instanceof Map<?, ?> operator && operator.size() == 1) {
                if (operator(operator, field, present)) {
                    return true;
                }
            } else if (present && eachValue(field, v -> same(alternative, v))) {
                return true;
            }
        }
        return false;
    }

    private static boolean operator(Map<?, ?> operator, Object field, boolean present) {
        String name = String.valueOf(operator.keySet().iterator().next());
        Object argument = operator.values().iterator().next();
        return switch (name) {
            case "exists" -> Boolean.TRUE.equals(argument) == (present && field != null);
            case "prefix" -> present && eachValue(field, v -> v instanceof String s && s.startsWith((String) argument));
            case "suffix" -> present && eachValue(field, v -> v instanceof String s && s.endsWith((String) argument));
            case "equals-ignore-case" ->
                present && eachValue(field, v -> v instanceof String s && s.equalsIgnoreCase((String) argument));
            case "anything-but" ->
                present
                        && eachValue(
                                field,
                                v -> argument instanceof List<?> list
                                        ? list.stream().noneMatch(a -> same(a, v))
                                        : !same(argument, v));
            case "numeric" -> present && eachValue(field, v -> numeric((List<?>) argument, v));
            default ->
                throw new IllegalArgumentException("Filter operator '" + name + "' is not one LambdaKit "
                        + "applies; it applies exists, prefix, suffix, equals-ignore-case, anything-but and numeric");
        };
    }

    private static boolean numeric(List<?> comparisons, Object value) {
        if (!(value instanceof Number n)) {
            return false;
        }
        double v = n.doubleValue();
        for (int i = 0; i + 1 < comparisons.size(); i += 2) {
            double bound = ((Number) comparisons.get(i + 1)).doubleValue();
            boolean ok = switch (String.valueOf(comparisons.get(i))) {
                case "=" -> v == bound;
                case "<" -> v < bound;
                case "<=" -> v <= bound;
                case ">" -> v > bound;
                case ">=" -> v >= bound;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A field holding an array matches when one of its elements does. */
    private static boolean eachValue(Object field, java.util.function.Predicate<Object> test) {
        if (field instanceof List<?> list) {
            return list.stream().anyMatch(test);
        }
        return test.test(field);
    }

    private static boolean same(Object expected, Object actual) {
        if (expected instanceof Number e && actual instanceof Number a) {
            return e.doubleValue() == a.doubleValue();
        }
        if (expected == null || actual == null) {
            return expected == actual;
        }
        return expected.equals(actual);
    }
}
