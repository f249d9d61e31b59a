package dev.lambdakit.template.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.lambdakit.function.LambdaConfigurationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apiguardian.api.API;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a CloudFormation or SAM template (YAML, or JSON, which YAML 1.2 includes) into maps, lists, strings and
 * booleans, with the short intrinsic tags ({@code !Ref}, {@code !Sub}, ...) turned into their long form ({@code
 * {"Ref": ...}}, {@code {"Fn::Sub": ...}}), as CloudFormation reads them. Numbers stay text: CloudFormation passes
 * property values on as strings, and the reader of each property parses what it needs.
 */
@API(status = INTERNAL, since = "0.1")
public final class TemplateYaml {

    /** Short tags CloudFormation accepts that become {@code Fn::<name>}. */
    private static final Set<String> FUNCTIONS = Set.of(
            "Base64",
            "Cidr",
            "FindInMap",
            "GetAZs",
            "If",
            "ImportValue",
            "Join",
            "Select",
            "Split",
            "Sub",
            "Transform",
            "Equals",
            "Not",
            "And",
            "Or",
            "Length",
            "ToJsonString");

    private TemplateYaml() {}

    /**
     * The template's top-level mapping.
     *
     * @param source what the text came from, for messages
     */
    public static Map<String, Object> read(String text, String source) {
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder()
                    .setLabel(source)
                    .setMaxAliasesForCollections(100)
                    .build();
            root = new Compose(settings).composeString(text);
        } catch (YamlEngineException e) {
            throw new LambdaConfigurationException(
                    "template", source + " is not valid YAML or JSON: " + e.getMessage());
        }
        if (root.isEmpty() || !(convert(root.get(), source) instanceof Map<?, ?> map)) {
            throw new LambdaConfigurationException(
                    "template", source + " is not a template: its top level must be a mapping with Resources");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> template = (Map<String, Object>) map;
        return template;
    }

    private static Object convert(Node node, String source) {
        Object value = plain(node, source);
        String tag = node.getTag().getValue();
        if (!tag.startsWith("!")) {
            return value;
        }
        String name = tag.substring(1);
        if (name.equals("Ref") || name.equals("Condition")) {
            return Map.of(name, value);
        }
        if (name.equals("GetAtt")) {
            return Map.of("Fn::GetAtt", getAttArguments(value, node, source));
        }
        if (FUNCTIONS.contains(name)) {
            return Map.of("Fn::" + name, value);
        }
        throw new LambdaConfigurationException(
                "template",
                at(node, source) + ": unknown tag " + tag + "; CloudFormation's short forms are !Ref, !Condition, "
                        + "!GetAtt and !"
                        + String.join(", !", FUNCTIONS.stream().sorted().toList()));
    }

    /** {@code !GetAtt Queue.Arn} is {@code ["Queue", "Arn"]}; only the first dot separates the resource. */
    private static List<Object> getAttArguments(Object value, Node node, String source) {
        if (value instanceof String s && s.indexOf('.') > 0) {
            int dot = s.indexOf('.');
            return List.of(s.substring(0, dot), s.substring(dot + 1));
        }
        if (value instanceof List<?> list && list.size() == 2) {
            return new ArrayList<>(list);
        }
        throw new LambdaConfigurationException(
                "template",
                at(node, source) + ": !GetAtt takes Resource.Attribute or [Resource, Attribute], but was " + value);
    }

    private static Object plain(Node node, String source) {
        if (node instanceof ScalarNode scalar) {
            Tag tag = scalar.getTag();
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                return Boolean.valueOf(scalar.getValue().toLowerCase(java.util.Locale.ROOT));
            }
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                list.add(convert(item, source));
            }
            return list;
        }
        MappingNode mapping = (MappingNode) node;
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple entry : mapping.getValue()) {
            Object key = convert(entry.getKeyNode(), source);
            if (!(key instanceof String name)) {
                throw new LambdaConfigurationException(
                        "template", at(entry.getKeyNode(), source) + ": a key must be text, but was " + key);
            }
            if (map.put(name, convert(entry.getValueNode(), source)) != null) {
                throw new LambdaConfigurationException(
                        "template", at(entry.getKeyNode(), source) + ": " + name + " appears twice in one mapping");
            }
        }
        return map;
    }

    private static String at(Node node, String source) {
        Optional<Mark> mark = node.getStartMark();
        return mark.map(m -> source + " line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                .orElse(source);
    }
}
