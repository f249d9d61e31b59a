package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.AppSyncLambdaAuthorizerEvent;
import dev.lambdakit.env.internal.Partitions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * AWS AppSync: Lambda authorizer requests and direct Lambda resolver calls. The events library has a class for the
 * authorizer only; a resolver's event is built as nested maps, which is what a {@code Map} handler receives.
 *
 * <pre>{@code
 * AppSyncLambdaAuthorizerEvent auth = AppSyncEvents.authorizer("token-123")
 *         .query("query GetPost($id: ID!) { getPost(id: $id) { title } }", "GetPost")
 *         .build();
 * Map<String, Object> call = AppSyncEvents.resolver("Query", "getPost").argument("id", "p-1")
 *         .selection("id", "title")
 *         .build();
 * String batch = AppSyncEvents.batch(
 *                 AppSyncEvents.resolver("Post", "author").source(Map.of("authorId", "a-1")),
 *                 AppSyncEvents.resolver("Post", "author").source(Map.of("authorId", "a-2")))
 *         .toJson();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AppSyncEvents {

    private AppSyncEvents() {}

    public static Authorizer authorizer(String authorizationToken) {
        return new Authorizer(EventBuilder.required(authorizationToken, "authorizationToken"));
    }

    /** A direct Lambda resolver call for one field, such as {@code Query.getPost}. */
    public static Resolver resolver(String parentTypeName, String fieldName) {
        return new Resolver(
                EventBuilder.required(parentTypeName, "parentTypeName"), EventBuilder.required(fieldName, "fieldName"));
    }

    /** A batched resolver call (the resolver's batch size above 1): the function receives the calls as a list. */
    public static Batch batch(Resolver... calls) {
        if (calls.length == 0) {
            throw new IllegalArgumentException("a batch needs at least one resolver call");
        }
        return new Batch(List.of(calls));
    }

    /** A batch of resolver calls, delivered as one JSON array. */
    public static final class Batch {
        private final List<Resolver> calls;

        private Batch(List<Resolver> calls) {
            this.calls = calls;
        }

        /** The calls as the function receives them: a list of maps. */
        public List<Map<String, Object>> build() {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Resolver call : calls) {
                out.add(call.toTree());
            }
            return out;
        }

        public String toJson() {
            return dev.lambdakit.events.internal.JsonText.write(build());
        }

        public byte[] toBytes() {
            return toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static String apiHost(String apiId, String region) {
        return apiId + ".appsync-api." + region + "." + Partitions.of(region).dnsSuffix();
    }

    /** Builds an {@link AppSyncLambdaAuthorizerEvent}. */
    public static final class Authorizer extends EventBuilder<Authorizer, AppSyncLambdaAuthorizerEvent> {
        private final String token;
        private final Map<String, Object> variables = new LinkedHashMap<>();
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private String query = "query { __typename }";
        private String operationName;

        private Authorizer(String token) {
            super(AppSyncLambdaAuthorizerEvent.class);
            this.token = token;
        }

        /** The GraphQL document of the request and its operation name. */
        public Authorizer query(String document, String operationName) {
            this.query = required(document, "document");
            this.operationName = operationName;
            return this;
        }

        public Authorizer variable(String name, Object value) {
            variables.put(required(name, "name"), value);
            return this;
        }

        /** A request header, lower-cased as AppSync passes them. */
        public Authorizer header(String name, String value) {
            headers.put(required(name, "name").toLowerCase(java.util.Locale.ROOT), required(value, "value"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            String apiId = lowerAlnum(26);
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("apiId", apiId);
            context.put("accountId", accountId());
            context.put("requestId", uuid());
            context.put("queryDocument", query);
            context.put("operationName", operationName);
            context.put("variables", variables);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("host", apiHost(apiId, region()));
            h.put("content-type", "application/json");
            h.put("authorization", token);
            h.putAll(headers);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("authorizationToken", token);
            root.put("requestContext", context);
            root.put("requestHeaders", h);
            return root;
        }

        private String lowerAlnum(int length) {
            return upperAlnum(length).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Builds a direct resolver's event as a map. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Resolver extends EventBuilder<Resolver, Map> {
        private final String parentTypeName;
        private final String fieldName;
        private final Map<String, Object> arguments = new LinkedHashMap<>();
        private final List<String> selection = new ArrayList<>();
        private final Map<String, Object> headers = new LinkedHashMap<>();
        private Map<String, Object> source;
        private Map<String, Object> identity;

        private Resolver(String parentTypeName, String fieldName) {
            super(Map.class);
            this.parentTypeName = parentTypeName;
            this.fieldName = fieldName;
        }

        public Resolver argument(String name, Object value) {
            arguments.put(required(name, "name"), value);
            return this;
        }

        /** The fields the query selects below this one. */
        public Resolver selection(String... fields) {
            selection.addAll(List.of(fields));
            return this;
        }

        /** The parent object, for a field of a type other than Query or Mutation. */
        public Resolver source(Map<String, ?> parent) {
            this.source = new LinkedHashMap<>(required(parent, "parent"));
            return this;
        }

        /** A Cognito user pool caller: {@code identity} with its claims. */
        public Resolver cognitoIdentity(String userName, Map<String, ?> claims) {
            Map<String, Object> id = new LinkedHashMap<>();
            id.put("claims", new LinkedHashMap<>(required(claims, "claims")));
            id.put("defaultAuthStrategy", "ALLOW");
            id.put("groups", null);
            id.put("issuer", "https://cognito-idp." + region() + "." + dnsSuffix() + "/" + region() + "_EXAMPLE");
            id.put("sourceIp", List.of("198.51.100.7"));
            id.put("sub", claims.containsKey("sub") ? claims.get("sub") : uuid());
            id.put("username", required(userName, "userName"));
            this.identity = id;
            return this;
        }

        public Resolver header(String name, String value) {
            headers.put(required(name, "name").toLowerCase(java.util.Locale.ROOT), required(value, "value"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("selectionSetList", selection);
            info.put(
                    "selectionSetGraphQL", selection.isEmpty() ? "" : "{\n  " + String.join("\n  ", selection) + "\n}");
            info.put("parentTypeName", parentTypeName);
            info.put("fieldName", fieldName);
            info.put("variables", new LinkedHashMap<>());
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("content-type", "application/json");
            h.put("x-amzn-requestid", uuid());
            h.putAll(headers);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("headers", h);
            request.put("domainName", null);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("arguments", arguments);
            root.put("identity", identity);
            root.put("source", source);
            root.put("request", request);
            root.put("prev", null);
            root.put("info", info);
            root.put("stash", new LinkedHashMap<>());
            return root;
        }
    }
}
