package dev.lambdakit.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Does what each message body says: "ok", "fail" (reported as a batch item failure), "unknown" (reports an id not in
 * the batch), "throw" (fails the invocation).
 */
public class BatchProbe implements RequestHandler<SQSEvent, SQSBatchResponse> {

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            switch (m.getBody()) {
                case "fail" -> failures.add(new SQSBatchResponse.BatchItemFailure(m.getMessageId()));
                case "unknown" -> failures.add(new SQSBatchResponse.BatchItemFailure("not-a-message-of-this-batch"));
                case "throw" -> throw new IllegalStateException("poison message " + m.getMessageId());
                default ->
                    context.getLogger()
                            .log("ok " + m.getMessageId() + " receive "
                                    + m.getAttributes().get("ApproximateReceiveCount"));
            }
        }
        return new SQSBatchResponse(failures);
    }
}
