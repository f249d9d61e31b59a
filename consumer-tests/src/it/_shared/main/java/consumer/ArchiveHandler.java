package consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Production-style code: clients from the default chains, names from the environment. */
public class ArchiveHandler implements RequestHandler<Map<String, String>, String> {

    private final S3Client s3 = S3Client.create();
    private final SqsClient sqs = SqsClient.create();

    @Override
    public String handleRequest(Map<String, String> input, Context context) {
        s3.putObject(r -> r.bucket("fixed-archive").key(input.get("key")), RequestBody.fromString(input.get("body")));
        sqs.sendMessage(r -> r.queueUrl(System.getenv("QUEUE_URL")).messageBody(input.get("key")));
        return "archived";
    }
}
