package dev.lambdakit.junit;

import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Production-style handler: clients from the environment, names from BUCKET and QUEUE_URL. */
public class Archiver {

    private final S3Client s3 = S3Client.create();
    private final SqsClient sqs = SqsClient.create();

    public String handle(Map<String, String> input) {
        String key = input.get("key");
        s3.putObject(r -> r.bucket(System.getenv("BUCKET")).key(key), RequestBody.fromString(input.get("body")));
        sqs.sendMessage(r -> r.queueUrl(System.getenv("QUEUE_URL")).messageBody("stored " + key));
        return key;
    }
}
