package dev.lambdakit.junit;

import dev.lambdakit.cloud.internal.ToolkitClients;
import java.lang.reflect.Method;
import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The injected {@code LambdaClient}: loaded only when a test asks for one, so the SDK stays optional. */
final class LambdaClients {

    /** The SDK's sync HTTP clients, in the order the SDK itself prefers them. */
    private static final String[] HTTP_CLIENTS = {
        "software.amazon.awssdk.http.apache5.Apache5HttpClient",
        "software.amazon.awssdk.http.apache.ApacheHttpClient",
        "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient"
    };

    private LambdaClients() {}

    /** Read timeout past the slowest function's timeout: the SDK's 30 s default would re-invoke slow functions. */
    static LambdaClient create(URI endpoint, Duration slowestFunction) {
        var builder = ToolkitClients.withoutGlobalInterceptors(LambdaClient.builder())
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("ASIALAMBDAKITCLIENT0", "lambdakit-client-secret-not-a-real-key0")));
        SdkHttpClient.Builder<?> http = httpClient(slowestFunction.plusSeconds(5));
        if (http != null) {
            builder.httpClientBuilder(http);
        }
        return builder.build();
    }

    private static SdkHttpClient.Builder<?> httpClient(Duration readTimeout) {
        for (String name : HTTP_CLIENTS) {
            try {
                Class<?> cls = Class.forName(name);
                Object b = cls.getMethod("builder").invoke(null);
                Method socketTimeout = b.getClass().getMethod("socketTimeout", Duration.class);
                socketTimeout.setAccessible(true);
                socketTimeout.invoke(b, readTimeout);
                return (SdkHttpClient.Builder<?>) b;
            } catch (ReflectiveOperationException | LinkageError e) {
                // not on the classpath: try the next one
            }
        }
        return null;
    }
}
