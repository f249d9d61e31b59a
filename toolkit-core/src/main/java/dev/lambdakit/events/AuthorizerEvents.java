package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2CustomAuthorizerEvent;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * API Gateway Lambda authorizer requests: a REST API's {@code TOKEN} and {@code REQUEST} authorizers and an HTTP
 * API's authorizer (payload format 2.0), with the method or route ARN API Gateway computes from the API, stage,
 * method and path. What the authorizer answers is checked with {@link AuthorizerPolicies}.
 *
 * <pre>{@code
 * APIGatewayCustomAuthorizerEvent event = AuthorizerEvents.token("Bearer abc").get("/orders/1").build();
 * APIGatewayV2CustomAuthorizerEvent v2 = AuthorizerEvents.httpApi().get("/orders").header("authorization", "abc")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class AuthorizerEvents {

    private static final DateTimeFormatter CLF = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private AuthorizerEvents() {}

    /** A REST API {@code TOKEN} authorizer request carrying {@code token} (the identity source header's value). */
    public static TokenBuilder token(String token) {
        return new TokenBuilder(EventBuilder.required(token, "token"));
    }

    /** A REST API {@code REQUEST} authorizer request: the request's headers, query, path and stage variables. */
    public static RequestBuilder request() {
        return new RequestBuilder();
    }

    /** An HTTP API authorizer request, payload format 2.0. */
    public static HttpApiBuilder httpApi() {
        return new HttpApiBuilder();
    }

    /** What the three builders share: the API, stage, method and path the ARN names. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public abstract static class Base<SELF extends Base<SELF, E>, E> extends EventBuilder<SELF, E> {
        String apiId;
        String stage = "prod";
        String method = "GET";
        String path = "/";
        final Map<String, String> headers = new LinkedHashMap<>();
        final Map<String, List<String>> query = new LinkedHashMap<>();
        final Map<String, String> pathParameters = new LinkedHashMap<>();
        final Map<String, String> stageVariables = new LinkedHashMap<>();

        Base(Class<E> type) {
            super(type);
        }

        /** The API's id (10 lower-case letters and digits); a random one by default. */
        public SELF apiId(String apiId) {
            if (apiId == null || !apiId.matches("[a-z0-9]{10}")) {
                throw new IllegalArgumentException(
                        "apiId must be 10 lower-case letters or digits, but was '" + apiId + "'");
            }
            this.apiId = apiId;
            return self();
        }

        /** The stage; {@code prod} by default. */
        public SELF stage(String stage) {
            this.stage = required(stage, "stage");
            return self();
        }

        /** The request being authorized: {@code method} on {@code path}. */
        public SELF request(String method, String path) {
            this.method = required(method, "method").toUpperCase(Locale.ROOT);
            if (path == null || !path.startsWith("/")) {
                throw new IllegalArgumentException("path must start with '/', but was '" + path + "'");
            }
            this.path = path;
            return self();
        }

        public SELF get(String path) {
            return request("GET", path);
        }

        /** A query string parameter; repeat it for several values. */
        public SELF query(String name, String value) {
            query.computeIfAbsent(required(name, "name"), k -> new ArrayList<>())
                    .add(required(value, "value"));
            return self();
        }

        public SELF pathParameter(String name, String value) {
            pathParameters.put(required(name, "name"), required(value, "value"));
            return self();
        }

        public SELF stageVariable(String name, String value) {
            stageVariables.put(required(name, "name"), required(value, "value"));
            return self();
        }

        public SELF post(String path) {
            return request("POST", path);
        }

        /** The API id of the tree being built: drawn once per tree, so every build of one builder agrees. */
        private String api;

        /** Starts a tree: fixes the API id for it. */
        void begin() {
            api = apiId != null ? apiId : lowerAlnum(10);
        }

        String apiIdOrRandom() {
            return api;
        }

        /** {@code arn:aws:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>}, as API Gateway builds it. */
        String executeApiArn() {
            return "arn:" + partition() + ":execute-api:" + region() + ":" + accountId() + ":" + apiIdOrRandom() + "/"
                    + stage + "/" + method + path;
        }

        private String lowerAlnum(int length) {
            return upperAlnum(length).toLowerCase(Locale.ROOT);
        }
    }

    /** Builds a {@code TOKEN} authorizer's {@link APIGatewayCustomAuthorizerEvent}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class TokenBuilder extends Base<TokenBuilder, APIGatewayCustomAuthorizerEvent> {
        private final String token;

        private TokenBuilder(String token) {
            super(APIGatewayCustomAuthorizerEvent.class);
            this.token = token;
        }

        @Override
        protected Map<String, Object> tree() {
            begin();
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("type", "TOKEN");
            root.put("methodArn", executeApiArn());
            root.put("authorizationToken", token);
            return root;
        }
    }

    /** Builds a REST {@code REQUEST} authorizer's {@link APIGatewayCustomAuthorizerEvent}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class RequestBuilder extends Base<RequestBuilder, APIGatewayCustomAuthorizerEvent> {
        private String resource;

        private RequestBuilder() {
            super(APIGatewayCustomAuthorizerEvent.class);
        }

        /** The resource template, such as {@code /orders/{id}}; the path by default. */
        public RequestBuilder resource(String resource) {
            this.resource = required(resource, "resource");
            return this;
        }

        public RequestBuilder header(String name, String value) {
            headers.put(required(name, "name"), required(value, "value"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            begin();
            Instant now = now();
            String resourcePath = resource != null ? resource : path;
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("type", "REQUEST");
            root.put("methodArn", executeApiArn());
            root.put("resource", resourcePath);
            root.put("path", path);
            root.put("httpMethod", method);
            Map<String, String> allHeaders = new LinkedHashMap<>();
            allHeaders.put("Host", apiIdOrRandom() + ".execute-api." + region() + "." + dnsSuffix());
            allHeaders.put("User-Agent", "curl/8.5.0");
            allHeaders.put("X-Forwarded-Proto", "https");
            allHeaders.putAll(headers);
            root.put("headers", allHeaders);
            root.put("multiValueHeaders", multi(allHeaders));
            root.put("queryStringParameters", query.isEmpty() ? null : last(query));
            root.put("multiValueQueryStringParameters", query.isEmpty() ? null : query);
            root.put("pathParameters", pathParameters.isEmpty() ? null : pathParameters);
            root.put("stageVariables", stageVariables.isEmpty() ? null : stageVariables);
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("sourceIp", "203.0.113." + (1 + Integer.parseInt(digits(2))));
            identity.put("userAgent", allHeaders.get("User-Agent"));
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("resourceId", upperAlnum(6).toLowerCase(Locale.ROOT));
            context.put("resourcePath", resourcePath);
            context.put("httpMethod", method);
            context.put("extendedRequestId", upperAlnum(14) + "=");
            context.put("requestTime", CLF.format(now));
            context.put("path", "/" + stage + path);
            context.put("accountId", accountId());
            context.put("protocol", "HTTP/1.1");
            context.put("stage", stage);
            context.put("domainPrefix", apiIdOrRandom());
            context.put("requestTimeEpoch", now.toEpochMilli());
            context.put("requestId", uuid());
            context.put("identity", identity);
            context.put("domainName", allHeaders.get("Host"));
            context.put("apiId", apiIdOrRandom());
            root.put("requestContext", context);
            return root;
        }

        private static Map<String, List<String>> multi(Map<String, String> single) {
            Map<String, List<String>> out = new LinkedHashMap<>();
            single.forEach((k, v) -> out.put(k, List.of(v)));
            return out;
        }

        private static Map<String, String> last(Map<String, List<String>> multi) {
            Map<String, String> out = new LinkedHashMap<>();
            multi.forEach((k, v) -> out.put(k, v.get(v.size() - 1)));
            return out;
        }
    }

    /** Builds an HTTP API authorizer's {@link APIGatewayV2CustomAuthorizerEvent} (payload format 2.0). */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class HttpApiBuilder extends Base<HttpApiBuilder, APIGatewayV2CustomAuthorizerEvent> {
        private final List<String> cookies = new ArrayList<>();
        private final List<String> identitySources = new ArrayList<>(List.of("authorization"));
        private String routeKey;

        private HttpApiBuilder() {
            super(APIGatewayV2CustomAuthorizerEvent.class);
            stage = "$default";
        }

        /** A request header; names are lower-cased, as HTTP APIs deliver them. */
        public HttpApiBuilder header(String name, String value) {
            headers.put(required(name, "name").toLowerCase(Locale.ROOT), required(value, "value"));
            return this;
        }

        public HttpApiBuilder cookie(String name, String value) {
            cookies.add(required(name, "name") + "=" + required(value, "value"));
            return this;
        }

        /** The route, such as {@code GET /orders/{id}}; {@code $default} unless set. */
        public HttpApiBuilder routeKey(String routeKey) {
            this.routeKey = required(routeKey, "routeKey");
            return this;
        }

        /** The request headers the authorizer's identity sources name; {@code authorization} by default. */
        public HttpApiBuilder identitySource(String... headerNames) {
            identitySources.clear();
            for (String name : headerNames) {
                identitySources.add(required(name, "headerName").toLowerCase(Locale.ROOT));
            }
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            begin();
            Instant now = now();
            String route = routeKey != null ? routeKey : "$default";
            Map<String, String> allHeaders = new LinkedHashMap<>();
            allHeaders.put("host", apiIdOrRandom() + ".execute-api." + region() + "." + dnsSuffix());
            allHeaders.put("user-agent", "curl/8.5.0");
            allHeaders.put("x-forwarded-proto", "https");
            allHeaders.putAll(headers);
            if (!cookies.isEmpty()) {
                allHeaders.put("cookie", String.join("; ", cookies));
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("version", "2.0");
            root.put("type", "REQUEST");
            root.put("routeArn", executeApiArn());
            root.put(
                    "identitySource",
                    identitySources.stream()
                            .map(allHeaders::get)
                            .filter(v -> v != null)
                            .toList());
            root.put("routeKey", route);
            root.put("rawPath", path);
            root.put(
                    "rawQueryString",
                    query.entrySet().stream()
                            .flatMap(e -> e.getValue().stream().map(v -> e.getKey() + "=" + v))
                            .collect(Collectors.joining("&")));
            if (!cookies.isEmpty()) {
                root.put("cookies", List.copyOf(cookies));
            }
            root.put("headers", allHeaders);
            if (!query.isEmpty()) {
                Map<String, String> joined = new LinkedHashMap<>();
                query.forEach((k, v) -> joined.put(k, String.join(",", v)));
                root.put("queryStringParameters", joined);
            }
            Map<String, Object> http = new LinkedHashMap<>();
            http.put("method", method);
            http.put("path", path);
            http.put("protocol", "HTTP/1.1");
            http.put("sourceIp", "203.0.113." + (1 + Integer.parseInt(digits(2))));
            http.put("userAgent", allHeaders.get("user-agent"));
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("accountId", accountId());
            context.put("apiId", apiIdOrRandom());
            context.put("domainName", allHeaders.get("host"));
            context.put("domainPrefix", apiIdOrRandom());
            context.put("http", http);
            context.put("requestId", upperAlnum(14) + "=");
            context.put("routeKey", route);
            context.put("stage", stage);
            context.put("time", CLF.format(now));
            context.put("timeEpoch", now.toEpochMilli());
            root.put("requestContext", context);
            if (!pathParameters.isEmpty()) {
                root.put("pathParameters", pathParameters);
            }
            if (!stageVariables.isEmpty()) {
                root.put("stageVariables", stageVariables);
            }
            return root;
        }
    }
}
