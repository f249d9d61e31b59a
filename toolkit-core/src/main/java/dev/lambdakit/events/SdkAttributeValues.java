package dev.lambdakit.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The AWS SDK v2 side of {@link AttributeValues}: loaded only when SDK values are converted. */
final class SdkAttributeValues {

    private SdkAttributeValues() {}

    static Map<String, Object> convert(Map<String, AttributeValue> item) {
        Map<String, Object> out = new LinkedHashMap<>();
        item.forEach((k, v) -> out.put(k, convertOne(v)));
        return out;
    }

    static Map<String, Object> convertOne(Object value) {
        AttributeValue v = (AttributeValue) value;
        Map<String, Object> t = new LinkedHashMap<>();
        switch (v.type()) {
            case S -> t.put("S", v.s());
            case N -> t.put("N", v.n());
            case B -> t.put("B", EventBuilder.base64(v.b().asByteArray()));
            case BOOL -> t.put("BOOL", v.bool());
            case NUL -> t.put("NULL", true);
            case SS -> t.put("SS", new ArrayList<>(v.ss()));
            case NS -> t.put("NS", new ArrayList<>(v.ns()));
            case BS -> {
                List<Object> bs = new ArrayList<>();
                v.bs().forEach(b -> bs.add(EventBuilder.base64(b.asByteArray())));
                t.put("BS", bs);
            }
            case L -> {
                List<Object> l = new ArrayList<>();
                v.l().forEach(e -> l.add(convertOne(e)));
                t.put("L", l);
            }
            case M -> t.put("M", convert(v.m()));
            default -> throw new IllegalArgumentException("AttributeValue of unknown type: " + v);
        }
        return t;
    }
}
