package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.CloudFrontEvent;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * CloudFront Lambda@Edge events: viewer and origin, request and response, as CloudFront sends them (headers keyed by
 * their lower-cased name, each a list of {@code key}/{@code value} pairs keeping the sent case; the raw query string;
 * {@code config} with the distribution, the event type and the request id; the origin on origin-facing events).
 *
 * <pre>{@code
 * CloudFrontEvent event = CloudFrontEvents.viewerRequest().get("/index.html").header("Accept", "text/html")
 *         .build();
 * CloudFrontEvent reply = CloudFrontEvents.originResponse().get("/img.png").status(404, "Not Found").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CloudFrontEvents {

    private CloudFrontEvents() {}

    /** What a viewer sends, before the cache. */
    public static Builder viewerRequest() {
        return new Builder("viewer-request");
    }

    /** What goes to the origin on a cache miss. */
    public static Builder originRequest() {
        return new Builder("origin-request");
    }

    /** What the origin answered, before it is cached. */
    public static Builder originResponse() {
        return new Builder("origin-response");
    }

    /** What goes back to the viewer. */
    public static Builder viewerResponse() {
        return new Builder("viewer-response");
    }

    /** Builds a {@link CloudFrontEvent}. */
    @API(status = EXPERIMENTAL, since = "0.1")
    public static final class Builder extends EventBuilder<Builder, CloudFrontEvent> {
        private final String eventType;
        private String distributionId;
        private String domainName;
        private String method = "GET";
        private String uri = "/";
        private String querystring = "";
        private String clientIp;
        private String originDomain;
        private int status = 200;
        private String statusDescription = "OK";
        private final Map<String, List<Map<String, String>>> headers = new LinkedHashMap<>();
        private final Map<String, List<Map<String, String>>> responseHeaders = new LinkedHashMap<>();

        private Builder(String eventType) {
            super(CloudFrontEvent.class);
            this.eventType = eventType;
        }

        /** The request: {@code method} on {@code uri} (a path, without the query string). */
        public Builder request(String method, String uri) {
            this.method = required(method, "method").toUpperCase(Locale.ROOT);
            if (uri == null || !uri.startsWith("/") || uri.contains("?")) {
                throw new IllegalArgumentException("uri must be a path starting with '/' and without '?' (the query "
                        + "string goes to query(..)), but was '" + uri + "'");
            }
            this.uri = uri;
            return this;
        }

        public Builder get(String uri) {
            return request("GET", uri);
        }

        /** The raw query string, without {@code ?}: {@code a=1&b=2}. */
        public Builder query(String querystring) {
            this.querystring = required(querystring, "querystring");
            return this;
        }

        /** A request header; several values of one header each become an entry of its list. */
        public Builder header(String name, String value) {
            headers.computeIfAbsent(required(name, "name").toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(Map.of("key", name, "value", required(value, "value")));
            return this;
        }

        public Builder clientIp(String clientIp) {
            this.clientIp = required(clientIp, "clientIp");
            return this;
        }

        /** The distribution's domain ({@code d1234abcd.cloudfront.net}), in {@code config} and the Host header. */
        public Builder distributionDomainName(String domainName) {
            this.domainName = required(domainName, "domainName");
            return this;
        }

        public Builder distributionId(String distributionId) {
            this.distributionId = required(distributionId, "distributionId");
            return this;
        }

        /** The origin's domain, on origin-facing events; an S3 bucket's by default. */
        public Builder origin(String domainName) {
            this.originDomain = required(domainName, "domainName");
            return this;
        }

        /** The response's status, on response events. */
        public Builder status(int status, String description) {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("status must be 100 to 599, but was " + status);
            }
            this.status = status;
            this.statusDescription = required(description, "description");
            return this;
        }

        /** A response header, on response events. */
        public Builder responseHeader(String name, String value) {
            responseHeaders
                    .computeIfAbsent(required(name, "name").toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(Map.of("key", name, "value", required(value, "value")));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            String distribution = distributionId != null ? distributionId : "E" + upperAlnum(13);
            String domain =
                    domainName != null ? domainName : "d" + upperAlnum(13).toLowerCase(Locale.ROOT) + ".cloudfront.net";
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("distributionDomainName", domain);
            config.put("distributionId", distribution);
            config.put("eventType", eventType);
            config.put("requestId", base64(42).replace('+', '-').replace('/', '_'));
            Map<String, List<Map<String, String>>> requestHeaders = new LinkedHashMap<>();
            requestHeaders.put("host", List.of(Map.of("key", "Host", "value", domain)));
            requestHeaders.put("user-agent", List.of(Map.of("key", "User-Agent", "value", "curl/8.5.0")));
            requestHeaders.putAll(headers);
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("clientIp", clientIp != null ? clientIp : "203.0.113." + (1 + Integer.parseInt(digits(2))));
            request.put("headers", requestHeaders);
            request.put("method", method);
            if (eventType.startsWith("origin")) {
                String originName = originDomain != null ? originDomain : "amzn-s3-demo-bucket.s3.amazonaws.com";
                Map<String, Object> s3 = new LinkedHashMap<>();
                s3.put("authMethod", "none");
                s3.put("customHeaders", Map.of());
                s3.put("domainName", originName);
                s3.put("path", "");
                request.put("origin", Map.of("s3", s3));
            }
            request.put("querystring", querystring);
            request.put("uri", uri);
            Map<String, Object> cf = new LinkedHashMap<>();
            cf.put("config", config);
            cf.put("request", request);
            if (eventType.endsWith("response")) {
                Map<String, Object> response = new LinkedHashMap<>();
                Map<String, List<Map<String, String>>> sent = new LinkedHashMap<>();
                sent.put("date", List.of(Map.of("key", "Date", "value", httpDate())));
                sent.put("server", List.of(Map.of("key", "Server", "value", "AmazonS3")));
                sent.putAll(responseHeaders);
                response.put("headers", sent);
                response.put("status", Integer.toString(status));
                response.put("statusDescription", statusDescription);
                cf.put("response", response);
            }
            return Map.of("Records", List.of(Map.of("cf", cf)));
        }

        private String httpDate() {
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(now().atZone(ZoneOffset.UTC));
        }
    }
}
