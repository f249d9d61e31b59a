package consumer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reports what a function sees of its world. */
public class GreetingHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private static int initCount;
    private final int init = ++initCount;

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("greeting", System.getenv("GREETING") + ", " + input.get("name"));
        out.put("region", String.valueOf(System.getenv("AWS_REGION")));
        out.put("accessKey", String.valueOf(System.getenv("AWS_ACCESS_KEY_ID")));
        out.put("function", context.getFunctionName());
        out.put("remaining", context.getRemainingTimeInMillis());
        out.put("init", init);
        return out;
    }
}
