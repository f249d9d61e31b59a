package dev.lambdakit.testhandlers;

import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Handlers that build SDK clients the production way, with no test hooks. */
public final class CloudHandlers {

    private CloudHandlers() {}

    /** Stores its input in the bucket named by BUCKET, then sends a note to the queue at QUEUE_URL. */
    public static class Archiver {
        private final S3Client s3 = S3Client.create();
        private final SqsClient sqs = SqsClient.create();

        public String handle(Map<String, String> input) {
            String key = input.get("key");
            s3.putObject(r -> r.bucket(System.getenv("BUCKET")).key(key), RequestBody.fromString(input.get("body")));
            sqs.sendMessage(r -> r.queueUrl(System.getenv("QUEUE_URL")).messageBody("stored " + key));
            return key;
        }
    }

    /** Writes an item to the table named by TABLE. */
    public static class TableWriter {
        private final DynamoDbClient dynamo = DynamoDbClient.create();

        public String handle(String id) {
            dynamo.putItem(r -> r.tableName(System.getenv("TABLE")).item(Map.of("id", AttributeValue.fromS(id))));
            return id;
        }
    }

    /** Calls real S3 (no endpoint override): the guard must stop it. */
    public static class RealS3 {
        public int handle(Object ignored) {
            try (S3Client s3 = S3Client.builder()
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .build()) {
                return s3.listBuckets().buckets().size();
            }
        }
    }
}
