package dev.lambdakit.template;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.function.LambdaConfigurationException;
import dev.lambdakit.template.internal.FunctionProperties;
import dev.lambdakit.template.internal.Intrinsics;
import dev.lambdakit.template.internal.ResourceNames;
import dev.lambdakit.template.internal.TemplateYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * A SAM or CloudFormation template (YAML or JSON, CDK output included) as the configuration of the functions it
 * declares: handler, runtime, memory, timeout, architecture, environment and events of each {@code
 * AWS::Serverless::Function} and {@code AWS::Lambda::Function}, with {@code Globals} applied and intrinsic functions
 * ({@code Ref}, {@code Fn::Sub}, {@code Fn::GetAtt}, {@code Fn::Join}, {@code Fn::If}, ...) resolved to the test's
 * values. Instances are immutable; each {@code with} method returns a copy.
 *
 * <pre>{@code
 * SamTemplate template = SamTemplate.load(Path.of("template.yaml")).withParameter("Stage", "test");
 * try (LambdaFunction fn = LambdaFunction.create(template.function("CreateOrderFunction").config())) {
 *     assertThat(fn.invoke("{\"sku\":\"A-1\"}")).succeeded();
 * }
 * }</pre>
 *
 * <p>Resources without a name property get {@code <stack name>-<LogicalId>} ({@link #withStackName}, default {@code
 * local}) where CloudFormation would add a random suffix, and a SAM function without {@code FunctionName} is named by
 * its logical id, as {@code sam local} names it.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SamTemplate {

    private static final Set<String> FUNCTION_TYPES = Set.of("AWS::Serverless::Function", "AWS::Lambda::Function");
    private static final Set<String> DATA_TYPES = Set.of(
            "AWS::S3::Bucket",
            "AWS::SQS::Queue",
            "AWS::DynamoDB::Table",
            "AWS::Serverless::SimpleTable",
            "AWS::SNS::Topic");

    private final String source;
    private final Map<String, Object> template;
    private final Map<String, String> parameters;
    private final String region;
    private final String accountId;
    private final String stackName;

    private SamTemplate(
            String source,
            Map<String, Object> template,
            Map<String, String> parameters,
            String region,
            String accountId,
            String stackName) {
        this.source = source;
        this.template = template;
        this.parameters = parameters;
        this.region = region;
        this.accountId = accountId;
        this.stackName = stackName;
    }

    /** Reads a template file; a file that is not a template fails here, saying where. */
    public static SamTemplate load(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LambdaConfigurationException(
                    "template", "Cannot read the template " + file.toAbsolutePath() + ": " + e);
        }
        return parse(text, file.toString());
    }

    /**
     * A template from its text.
     *
     * @param source where the text came from, for messages
     */
    public static SamTemplate parse(String text, String source) {
        Map<String, Object> template = TemplateYaml.read(text, source);
        if (!(template.get("Resources") instanceof Map<?, ?>)) {
            throw new LambdaConfigurationException("template", source + " has no Resources section");
        }
        return new SamTemplate(source, template, Map.of(), "us-east-1", "123456789012", "local");
    }

    /** A copy with a value for one of the template's {@code Parameters}, in place of its default. */
    public SamTemplate withParameter(String name, String value) {
        if (!parameterDeclarations().containsKey(name)) {
            throw new LambdaConfigurationException(
                    "parameters",
                    "Parameter " + name + " is not declared in " + source + "; its Parameters are "
                            + parameterDeclarations().keySet());
        }
        Map<String, String> copy = new LinkedHashMap<>(parameters);
        copy.put(name, value);
        return new SamTemplate(source, template, Map.copyOf(copy), region, accountId, stackName);
    }

    /**
     * A copy with values for the template's {@code Parameters}, each written {@code Name=value} (as annotations and
     * command lines give them).
     */
    public SamTemplate withParameters(Iterable<String> entries) {
        SamTemplate with = this;
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new LambdaConfigurationException(
                        "parameters", "template parameter '" + entry + "' must be written Name=value");
            }
            with = with.withParameter(entry.substring(0, eq).trim(), entry.substring(eq + 1));
        }
        return with;
    }

    /** A copy resolving {@code AWS::Region} (and the functions' region) to {@code region}; default us-east-1. */
    public SamTemplate withRegion(String region) {
        return new SamTemplate(source, template, parameters, region, accountId, stackName);
    }

    /** A copy resolving {@code AWS::AccountId} to {@code accountId}; default 123456789012. */
    public SamTemplate withAccountId(String accountId) {
        return new SamTemplate(source, template, parameters, region, accountId, stackName);
    }

    /** A copy resolving {@code AWS::StackName} (and generated resource names) with {@code stackName}. */
    public SamTemplate withStackName(String stackName) {
        return new SamTemplate(source, template, parameters, region, accountId, stackName);
    }

    /** Where the template came from. */
    public String source() {
        return source;
    }

    /** Logical ids of the functions the template creates with these parameters, in template order. */
    public List<String> functionNames() {
        Intrinsics intrinsics = intrinsics();
        List<String> names = new ArrayList<>();
        resourceMap().forEach((id, resource) -> {
            if (resource instanceof Map<?, ?> r
                    && FUNCTION_TYPES.contains(r.get("Type"))
                    && created(id, r, intrinsics)) {
                names.add(id);
            }
        });
        return names;
    }

    /**
     * The template's buckets, queues, tables and topics ({@code AWS::S3::Bucket}, {@code AWS::SQS::Queue}, {@code
     * AWS::DynamoDB::Table}, {@code AWS::Serverless::SimpleTable}, {@code AWS::SNS::Topic}) that these parameters
     * create, in template order: what a test's backend needs for the functions to find theirs.
     */
    public List<TemplateResource> resources() {
        ResourceNames names = new ResourceNames(resourceMap(), stackName, region, accountId);
        Intrinsics intrinsics = intrinsics(names);
        List<TemplateResource> found = new ArrayList<>();
        resourceMap().forEach((id, resource) -> {
            if (resource instanceof Map<?, ?> r
                    && r.get("Type") instanceof String type
                    && DATA_TYPES.contains(type)
                    && created(id, r, intrinsics)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> properties = (Map<String, Object>)
                        intrinsics.resolve(properties(r), source + " Resources." + id + ".Properties");
                found.add(new TemplateResource(id, type, names.name(id), properties));
            }
        });
        return found;
    }

    /**
     * The logical id of the template's only function, for callers that may leave the function unnamed.
     *
     * @throws LambdaConfigurationException when the template creates none or several, naming them
     */
    public String onlyFunctionName() {
        List<String> all = functionNames();
        if (all.size() != 1) {
            throw new LambdaConfigurationException(
                    "function",
                    source + " declares " + all.size() + " functions " + all + "; say which one by its logical id");
        }
        return all.get(0);
    }

    /**
     * The function with this logical id, its intrinsics resolved.
     *
     * @throws LambdaConfigurationException when the template has no such function, its condition is false, or a
     *     value cannot be resolved; the message says where and what would be valid
     */
    public TemplateFunction function(String logicalId) {
        Object resource = resourceMap().get(logicalId);
        if (!(resource instanceof Map<?, ?> r) || !FUNCTION_TYPES.contains(r.get("Type"))) {
            List<String> functions = new ArrayList<>();
            resourceMap().forEach((id, res) -> {
                if (res instanceof Map<?, ?> m && FUNCTION_TYPES.contains(m.get("Type"))) {
                    functions.add(id);
                }
            });
            throw new LambdaConfigurationException(
                    "function",
                    source + " has no function " + logicalId
                            + (resource == null ? "" : " (it is a " + typeOf(resource) + ")") + "; its functions are "
                            + functions);
        }
        ResourceNames names = new ResourceNames(resourceMap(), stackName, region, accountId);
        Intrinsics intrinsics = intrinsics(names);
        if (!created(logicalId, r, intrinsics)) {
            throw new LambdaConfigurationException(
                    "function",
                    source + ": " + logicalId + " is not created with these parameters: its Condition "
                            + r.get("Condition") + " is false");
        }
        Map<String, Object> declared = properties(r);
        if ("AWS::Serverless::Function".equals(r.get("Type"))) {
            declared = withGlobals(declared);
        }
        String where = source + " Resources." + logicalId + ".Properties";
        @SuppressWarnings("unchecked")
        Map<String, Object> resolved = (Map<String, Object>) intrinsics.resolve(declared, where);
        return FunctionProperties.read(logicalId, names.name(logicalId), resolved, region, accountId);
    }

    private boolean created(String id, Map<?, ?> resource, Intrinsics intrinsics) {
        return !(resource.get("Condition") instanceof String condition)
                || intrinsics.condition(condition, source + " Resources." + id + ".Condition");
    }

    /** {@code Globals.Function} under the function's own properties; maps merge key by key, the function's winning. */
    private Map<String, Object> withGlobals(Map<String, Object> own) {
        if (!(template.get("Globals") instanceof Map<?, ?> globals)
                || !(globals.get("Function") instanceof Map<?, ?> function)) {
            return own;
        }
        return merge(cast(function), own);
    }

    private static Map<String, Object> merge(Map<String, Object> under, Map<String, Object> over) {
        Map<String, Object> merged = new LinkedHashMap<>(under);
        over.forEach((key, value) -> {
            if (merged.get(key) instanceof Map<?, ?> base && value instanceof Map<?, ?> top) {
                merged.put(key, merge(cast(base), cast(top)));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    private Intrinsics intrinsics() {
        return intrinsics(new ResourceNames(resourceMap(), stackName, region, accountId));
    }

    private Intrinsics intrinsics(ResourceNames names) {
        return new Intrinsics(template, parameterValues(), names, stackName, region, accountId);
    }

    /** Each parameter's value: the test's, else the default; lists for list types. */
    private Map<String, Object> parameterValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        parameterDeclarations().forEach((name, declaration) -> {
            Map<?, ?> d = declaration instanceof Map<?, ?> m ? m : Map.of();
            String type = String.valueOf(d.containsKey("Type") ? d.get("Type") : "String");
            String value = parameters.get(name);
            if (value == null && type.startsWith("AWS::SSM::Parameter::Value")) {
                throw new LambdaConfigurationException(
                        "parameters",
                        source + ": parameter " + name + " (" + type + ") is read from SSM Parameter Store when "
                                + "deployed; give its value for the test: parameters = \"" + name + "=...\"");
            }
            if (value == null && d.get("Default") != null) {
                value = String.valueOf(d.get("Default"));
            }
            if (value == null) {
                throw new LambdaConfigurationException(
                        "parameters",
                        source + ": parameter " + name + " has no Default; give its value for the test: "
                                + "parameters = \"" + name + "=...\"");
            }
            if (d.get("AllowedValues") instanceof List<?> allowed
                    && !allowed.stream().map(String::valueOf).toList().contains(value)) {
                throw new LambdaConfigurationException(
                        "parameters",
                        source + ": parameter " + name + " is '" + value + "', not one of its AllowedValues "
                                + allowed);
            }
            boolean list = type.equals("CommaDelimitedList") || type.startsWith("List<");
            values.put(
                    name,
                    list ? Arrays.stream(value.split(",", -1)).map(String::trim).toList() : value);
        });
        return values;
    }

    private Map<String, Object> parameterDeclarations() {
        return template.get("Parameters") instanceof Map<?, ?> p ? cast(p) : Map.of();
    }

    private Map<String, Object> resourceMap() {
        return cast((Map<?, ?>) template.get("Resources"));
    }

    private static Map<String, Object> properties(Map<?, ?> resource) {
        return resource.get("Properties") instanceof Map<?, ?> p ? cast(p) : Map.of();
    }

    private static String typeOf(Object resource) {
        return resource instanceof Map<?, ?> m ? String.valueOf(m.get("Type")) : "value";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    @Override
    public String toString() {
        return "SamTemplate[" + source + (parameters.isEmpty() ? "" : ", " + parameters) + "]";
    }
}
