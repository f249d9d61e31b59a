package dev.lambdakit.runtime.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.amazonaws.services.lambda.runtime.Client;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.internal.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The client context and Cognito identity as JSON, in the shape the Invoke API's {@code X-Amz-Client-Context}
 * carries (Base64) and the Runtime API's {@code Lambda-Runtime-Client-Context} and
 * {@code Lambda-Runtime-Cognito-Identity} headers pass on: {@code client} with snake_case keys, {@code custom},
 * {@code env}; {@code cognitoIdentityId} and {@code cognitoIdentityPoolId}.
 *
 * <pre>{@code
 * ClientContext context = ClientContexts.fromJson("{\"client\":{\"app_title\":\"Shop\"},\"custom\":{}}");
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1")
public final class ClientContexts {

    private ClientContexts() {}

    /** The context a client sent; missing sections are null, as the runtime client leaves them. */
    public static ClientContext fromJson(String json) {
        Map<String, Object> tree = object(EventJson.toTree(json), "client context");
        Map<String, Object> client = tree.get("client") == null ? null : object(tree.get("client"), "client");
        Map<String, String> custom = strings(tree.get("custom"));
        Map<String, String> env = strings(tree.get("env"));
        Client parsedClient = client == null ? null : new ParsedClient(client);
        return new ClientContext() {
            @Override
            public Client getClient() {
                return parsedClient;
            }

            @Override
            public Map<String, String> getCustom() {
                return custom;
            }

            @Override
            public Map<String, String> getEnvironment() {
                return env;
            }
        };
    }

    /** {@code context} as the JSON the Runtime API hands the runtime; null for null. */
    public static String toJson(ClientContext context) {
        if (context == null) {
            return null;
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        Client client = context.getClient();
        if (client != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("installation_id", client.getInstallationId());
            c.put("app_title", client.getAppTitle());
            c.put("app_version_name", client.getAppVersionName());
            c.put("app_version_code", client.getAppVersionCode());
            c.put("app_package_name", client.getAppPackageName());
            tree.put("client", c);
        }
        tree.put("custom", context.getCustom());
        tree.put("env", context.getEnvironment());
        return JsonText.write(tree);
    }

    /** {@code identity} as the Runtime API's JSON; null for null. */
    public static String toJson(CognitoIdentity identity) {
        if (identity == null) {
            return null;
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("cognitoIdentityId", identity.getIdentityId());
        tree.put("cognitoIdentityPoolId", identity.getIdentityPoolId());
        return JsonText.write(tree);
    }

    /** The identity in the Runtime API's JSON. */
    public static CognitoIdentity identityFromJson(String json) {
        Map<String, Object> tree = object(EventJson.toTree(json), "Cognito identity");
        String id = (String) tree.get("cognitoIdentityId");
        String pool = (String) tree.get("cognitoIdentityPoolId");
        return new CognitoIdentity() {
            @Override
            public String getIdentityId() {
                return id;
            }

            @Override
            public String getIdentityPoolId() {
                return pool;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("The " + what + " must be a JSON object, but was: " + value);
    }

    private static Map<String, String> strings(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        object(value, "section").forEach((k, v) -> out.put(k, v == null ? null : String.valueOf(v)));
        return out;
    }

    private record ParsedClient(Map<String, Object> fields) implements Client {
        private String field(String name) {
            Object v = fields.get(name);
            return v == null ? null : String.valueOf(v);
        }

        @Override
        public String getInstallationId() {
            return field("installation_id");
        }

        @Override
        public String getAppTitle() {
            return field("app_title");
        }

        @Override
        public String getAppVersionName() {
            return field("app_version_name");
        }

        @Override
        public String getAppVersionCode() {
            return field("app_version_code");
        }

        @Override
        public String getAppPackageName() {
            return field("app_package_name");
        }
    }
}
