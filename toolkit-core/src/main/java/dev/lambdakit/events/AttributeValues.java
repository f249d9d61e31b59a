package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * DynamoDB's typed JSON ({@code {"S": "..."}}, {@code {"N": "42"}}, ...) from plain Java values or from AWS SDK v2
 * {@code AttributeValue}s.
 *
 * <pre>{@code
 * Map<String, Object> item = AttributeValues.fromJava(Map.of("id", "o-1", "total", 42, "paid", true));
 * // {"id":{"S":"o-1"},"total":{"N":"42"},"paid":{"BOOL":true}}
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AttributeValues {

    private AttributeValues() {}

    /**
     * Converts an item of Java values: String, Number, Boolean, null, byte[], List, Map, and Sets of strings,
     * numbers or byte arrays. SDK v2 {@code AttributeValue}s may be mixed in.
     *
     * @throws IllegalArgumentException naming the attribute whose value has no DynamoDB type
     */
    public static Map<String, Object> fromJava(Map<String, ?> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((name, value) -> out.put(name, typed(name, value)));
        return out;
    }

    /** Converts an item of AWS SDK v2 {@code AttributeValue}s (needs the SDK's dynamodb module). */
    public static Map<String, Object> fromSdk(
            Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return SdkAttributeValues.convert(item);
    }

    static Object typed(String name, Object v) {
        Map<String, Object> t = new LinkedHashMap<>();
        if (v == null) {
            t.put("NULL", true);
        } else if (v instanceof CharSequence s) {
            t.put("S", s.toString());
        } else if (v instanceof BigDecimal d) {
            t.put("N", d.toPlainString());
        } else if (v instanceof Number n) {
            t.put("N", n.toString());
        } else if (v instanceof Boolean b) {
            t.put("BOOL", b);
        } else if (v instanceof byte[] b) {
            t.put("B", Base64.getEncoder().encodeToString(b));
        } else if (v instanceof Set<?> set) {
            return typedSet(name, set);
        } else if (v instanceof List<?> list) {
            List<Object> l = new ArrayList<>();
            for (Object e : list) {
                l.add(typed(name, e));
            }
            t.put("L", l);
        } else if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, e) -> m.put(String.valueOf(k), typed(name + "." + k, e)));
            t.put("M", m);
        } else if (v.getClass().getName().equals("software.amazon.awssdk.services.dynamodb.model.AttributeValue")) {
            return SdkAttributeValues.convertOne(v);
        } else {
            throw new IllegalArgumentException(
                    "Attribute '" + name + "' has a " + v.getClass().getName()
                            + ", which has no DynamoDB type; use String, Number, Boolean, null, byte[], List, Map, a Set "
                            + "of strings, numbers or byte[], or an SDK AttributeValue");
        }
        return t;
    }

    private static Object typedSet(String name, Set<?> set) {
        if (set.isEmpty()) {
            throw new IllegalArgumentException("Attribute '" + name + "' is an empty set; DynamoDB has no empty sets");
        }
        Object first = set.iterator().next();
        List<Object> values = new ArrayList<>();
        String type;
        if (first instanceof CharSequence) {
            type = "SS";
            set.forEach(e -> values.add(e.toString()));
        } else if (first instanceof Number) {
            type = "NS";
            set.forEach(e -> values.add(e instanceof BigDecimal d ? d.toPlainString() : e.toString()));
        } else if (first instanceof byte[]) {
            type = "BS";
            set.forEach(e -> values.add(Base64.getEncoder().encodeToString((byte[]) e)));
        } else {
            throw new IllegalArgumentException("Attribute '" + name + "' is a set of "
                    + first.getClass().getName() + "; DynamoDB sets hold strings, numbers or byte[]");
        }
        Map<String, Object> t = new LinkedHashMap<>();
        t.put(type, values);
        return t;
    }

    /**
     * A number's size by DynamoDB's rule: one byte per two significant digits (leading and trailing zeros do not
     * count), plus one, plus one more when negative.
     */
    static long numberSize(String number) {
        String n = number.trim();
        boolean negative = n.startsWith("-");
        int exponent = n.toLowerCase(java.util.Locale.ROOT).indexOf('e');
        String mantissa = exponent >= 0 ? n.substring(0, exponent) : n;
        String digits =
                mantissa.replaceAll("[^0-9]", "").replaceFirst("^0+", "").replaceFirst("0+$", "");
        long significant = Math.max(1, digits.length());
        return (significant + 1) / 2 + 1 + (negative ? 1 : 0);
    }

    /** DynamoDB's item size rules: attribute names plus values, in bytes. */
    static long size(Map<String, ?> typedItem) {
        long total = 0;
        for (Map.Entry<String, ?> e : typedItem.entrySet()) {
            total += EventBuilder.utf8(e.getKey()).length + valueSize(e.getValue());
        }
        return total;
    }

    @SuppressWarnings("unchecked")
    private static long valueSize(Object typed) {
        if (!(typed instanceof Map<?, ?> t) || t.isEmpty()) {
            return 1;
        }
        Map.Entry<String, Object> e =
                ((Map<String, Object>) t).entrySet().iterator().next();
        Object v = e.getValue();
        return switch (e.getKey()) {
            case "S" -> EventBuilder.utf8((String) v).length;
            case "N" -> numberSize((String) v);
            case "B" -> Base64.getDecoder().decode((String) v).length;
            case "L" ->
                3 + ((List<Object>) v).stream().mapToLong(x -> 1 + valueSize(x)).sum();
            case "M" -> 3 + size((Map<String, Object>) v);
            case "SS" ->
                ((List<Object>) v)
                        .stream()
                                .mapToLong(x -> EventBuilder.utf8(x.toString()).length)
                                .sum();
            case "NS" ->
                ((List<Object>) v)
                        .stream().mapToLong(x -> numberSize(x.toString())).sum();
            case "BS" ->
                ((List<Object>) v)
                        .stream()
                                .mapToLong(x -> Base64.getDecoder().decode(x.toString()).length)
                                .sum();
            default -> 1;
        };
    }
}
