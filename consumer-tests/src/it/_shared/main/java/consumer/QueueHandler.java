package consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/** Counts and joins the bodies of a batch. */
public class QueueHandler implements RequestHandler<SQSEvent, String> {
    @Override
    public String handleRequest(SQSEvent event, Context context) {
        StringBuilder bodies = new StringBuilder();
        for (SQSEvent.SQSMessage m : event.getRecords()) {
            bodies.append(m.getBody());
        }
        return event.getRecords().size() + ":" + bodies;
    }
}
