package dev.lambdakit.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.auth.DefaultAWSCredentialsProviderChain;
import com.amazonaws.auth.profile.ProfileCredentialsProvider;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Functions still on the AWS SDK for Java 1.x get the same world: fake credentials only, and the guard. */
class SdkV1Test {

    /** Production-style v1 code: the default chains. */
    @SuppressWarnings("deprecation") // listBuckets(): the simplest v1 call; it never leaves the guard
    public static class V1Handler {
        public Map<String, String> handle(Object ignored) {
            Map<String, String> seen = new LinkedHashMap<>();
            seen.put(
                    "chainKey",
                    DefaultAWSCredentialsProviderChain.getInstance()
                            .getCredentials()
                            .getAWSAccessKeyId());
            try {
                seen.put(
                        "profileKey",
                        new ProfileCredentialsProvider().getCredentials().getAWSAccessKeyId());
            } catch (RuntimeException e) {
                seen.put("profileKey", "none: " + e.getClass().getSimpleName());
            }
            AmazonS3 s3 = AmazonS3ClientBuilder.standard().build();
            try {
                s3.listBuckets();
                seen.put("listBuckets", "sent");
            } catch (RuntimeException e) {
                seen.put("listBuckets", String.valueOf(e.getMessage()));
            } finally {
                s3.shutdown();
            }
            return seen;
        }
    }

    @Test
    @DisplayName("v1's default chain and profile provider see only the fake credentials; its requests meet the guard")
    void sdkV1() throws Exception {
        try (LambdaFunction fn = LambdaFunction.create(FunctionConfig.builder()
                .handler(V1Handler.class.getName() + "::handle")
                .region("eu-west-1")
                .timeout(java.time.Duration.ofSeconds(20))
                .build())) {
            @SuppressWarnings("unchecked")
            Map<String, String> seen = (Map<String, String>) fn.invoke("{}").output();

            assertThat(seen.get("chainKey")).isEqualTo(fn.credentials().accessKeyId());
            assertThat(seen.get("profileKey")).startsWith("none: ");
            // v1 reads its profiles from here, not from ~/.aws: an empty file
            Path profiles = Path.of(fn.environmentVariables().get("AWS_CREDENTIAL_PROFILES_FILE"));
            assertThat(Files.size(profiles)).isZero();
            assertThat(seen.get("listBuckets"))
                    .contains("LambdaKit stopped a request to real AWS: Amazon S3.ListBuckets"
                            + " to https://s3.eu-west-1.amazonaws.com.");
        }
    }
}
