package dev.lambdakit.testhandlers;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/** What the AWS SDK's default chains find inside a handler, with no test hooks. */
public class SdkIdentity {

    public Map<String, String> handle(String profileToTry) {
        Map<String, String> out = new LinkedHashMap<>();
        AwsCredentials creds = DefaultCredentialsProvider.builder().build().resolveCredentials();
        out.put("accessKeyId", creds.accessKeyId());
        out.put("secretAccessKey", creds.secretAccessKey());
        out.put("sessionToken", creds instanceof AwsSessionCredentials s ? s.sessionToken() : null);
        out.put("region", new DefaultAwsRegionProviderChain().getRegion().id());
        out.put("awsProfileVariable", System.getenv("AWS_PROFILE"));
        if (profileToTry != null) {
            try {
                out.put(
                        "profile",
                        ProfileCredentialsProvider.create(profileToTry)
                                .resolveCredentials()
                                .accessKeyId());
            } catch (RuntimeException e) {
                out.put("profile", "refused: " + e.getClass().getSimpleName());
            }
        }
        return out;
    }
}
