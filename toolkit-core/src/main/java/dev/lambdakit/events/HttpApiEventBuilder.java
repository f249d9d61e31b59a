package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * An API Gateway HTTP API request (payload format 2.0), also what a Lambda function URL sends: lower-case header
 * names, repeated headers and query values joined with commas, cookies in their own array, absent parts left out.
 *
 * <pre>{@code
 * APIGatewayV2HTTPEvent event = ApiGatewayEvents.httpApi().post("/orders").jsonBody(Map.of("sku", "A-1")).build();
 * APIGatewayV2HTTPEvent url = ApiGatewayEvents.functionUrl().get("/health").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class HttpApiEventBuilder extends HttpEventBuilder<HttpApiEventBuilder, APIGatewayV2HTTPEvent> {

    // OpenSSL's time format, which API Gateway uses for the certificate's validity (day padded with a space).
    private static final DateTimeFormatter CERT_TIME = DateTimeFormatter.ofPattern(
                    "MMM ppd HH:mm:ss yyyy 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private final boolean functionUrl;
    private String routeKey;
    private X509Certificate clientCert;

    HttpApiEventBuilder(boolean functionUrl) {
        super(APIGatewayV2HTTPEvent.class, "$default");
        this.functionUrl = functionUrl;
    }

    /**
     * The route that matched: by default {@code "METHOD /route/{param}"} (the template, else the path), and
     * {@code $default} for function URLs; set {@code "$default"} for a catch-all route.
     */
    public HttpApiEventBuilder routeKey(String routeKey) {
        this.routeKey = required(routeKey, "routeKey");
        return this;
    }

    /**
     * Mutual TLS: the client certificate API Gateway verified, as {@code requestContext.authentication.clientCert}
     * (PEM, subject and issuer, serial number, validity). The events library's {@code APIGatewayV2HTTPEvent} has no
     * field for it, so handlers see it in {@link #toJson()} and {@link #toBytes()} (stream handlers, maps, own POJOs).
     */
    public HttpApiEventBuilder clientCertificate(X509Certificate certificate) {
        this.clientCert = required(certificate, "certificate");
        return this;
    }

    /** Mutual TLS with the client certificate given as PEM text; see {@link #clientCertificate(X509Certificate)}. */
    public HttpApiEventBuilder clientCertificate(String pem) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            return clientCertificate((X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(required(pem, "pem").getBytes(StandardCharsets.US_ASCII))));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(
                    "the client certificate is not an X.509 certificate in PEM form (-----BEGIN CERTIFICATE-----"
                            + " ...): " + e.getMessage(),
                    e);
        }
    }

    private Map<String, Object> authentication() {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(clientCert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            Map<String, Object> validity = new LinkedHashMap<>();
            validity.put("notBefore", CERT_TIME.format(clientCert.getNotBefore().toInstant()));
            validity.put("notAfter", CERT_TIME.format(clientCert.getNotAfter().toInstant()));
            Map<String, Object> cert = new LinkedHashMap<>();
            cert.put("clientCertPem", pem);
            cert.put("subjectDN", clientCert.getSubjectX500Principal().getName());
            cert.put("issuerDN", clientCert.getIssuerX500Principal().getName());
            cert.put("serialNumber", HexFormat.ofDelimiter(":").formatHex(serialBytes()));
            cert.put("validity", validity);
            return new LinkedHashMap<>(Map.of("clientCert", cert));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("the client certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    private byte[] serialBytes() {
        byte[] b = clientCert.getSerialNumber().toByteArray();
        // BigInteger adds a sign byte where the top bit is set; the certificate's serial has none.
        return b.length > 1 && b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
    }

    @Override
    protected Map<String, Object> tree() {
        Instant at = now();
        String apiId = functionUrl ? hex(32) : "a1b2c3d4e5";
        String domain = functionUrl
                ? apiId + ".lambda-url." + region() + ".on.aws"
                : apiId + ".execute-api." + region() + "." + dnsSuffix();
        String routeKey = this.routeKey != null
                ? this.routeKey
                : functionUrl ? "$default" : method + " " + (route != null ? route : path);
        Map<String, Object> headerMap = new LinkedHashMap<>();
        allHeaders(domain).forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Cookie")) {
                headerMap.merge(k.toLowerCase(Locale.ROOT), String.join(",", v), (a, b) -> a + "," + b);
            }
        });
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", "2.0");
        root.put("routeKey", routeKey);
        root.put("rawPath", path);
        root.put("rawQueryString", rawQueryString());
        if (!cookies.isEmpty()) {
            root.put("cookies", cookies);
        }
        root.put("headers", headerMap);
        if (!query.isEmpty()) {
            Map<String, Object> q = new LinkedHashMap<>();
            query.forEach((k, v) -> q.put(k, String.join(",", v)));
            root.put("queryStringParameters", q);
        }
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", method);
        http.put("path", path);
        http.put("protocol", "HTTP/1.1");
        http.put("sourceIp", sourceIp);
        http.put("userAgent", userAgent);
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("accountId", functionUrl ? "anonymous" : accountId());
        ctx.put("apiId", apiId);
        if (clientCert != null) {
            ctx.put("authentication", authentication());
        }
        Map<String, Object> authorizer = authorizer();
        if (authorizer != null) {
            ctx.put("authorizer", authorizer);
        }
        ctx.put("domainName", domain);
        ctx.put("domainPrefix", apiId);
        ctx.put("http", http);
        ctx.put("requestId", uuid());
        ctx.put("routeKey", routeKey);
        ctx.put("stage", stage);
        ctx.put("time", requestTime(at));
        ctx.put("timeEpoch", at.toEpochMilli());
        root.put("requestContext", ctx);
        if (body != null) {
            root.put("body", body);
        }
        if (!pathParameters.isEmpty()) {
            root.put("pathParameters", pathParameters);
        }
        root.put("isBase64Encoded", base64Encoded);
        if (!stageVariables.isEmpty()) {
            root.put("stageVariables", stageVariables);
        }
        return root;
    }

    private Map<String, Object> authorizer() {
        if (jwtClaims != null) {
            Map<String, Object> jwt = new LinkedHashMap<>();
            jwt.put("claims", jwtClaims);
            jwt.put("scopes", jwtScopes.isEmpty() ? null : jwtScopes);
            return new LinkedHashMap<>(Map.of("jwt", jwt));
        }
        if (authorizerContext != null) {
            return new LinkedHashMap<>(Map.of("lambda", authorizerContext));
        }
        if (iamUserArn != null) {
            Map<String, Object> iam = new LinkedHashMap<>();
            iam.put("accessKey", "ASIA" + upperAlnum(16));
            iam.put("accountId", accountId());
            iam.put("callerId", "AIDA" + upperAlnum(17));
            iam.put("cognitoIdentity", null);
            iam.put("principalOrgId", null);
            iam.put("userArn", iamUserArn);
            iam.put("userId", "AIDA" + upperAlnum(17));
            return new LinkedHashMap<>(Map.of("iam", iam));
        }
        return null;
    }
}
