package hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;

public class EchoHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        Map<String, Object> out = new LinkedHashMap<>(input);
        out.put("function", context.getFunctionName());
        out.put("accessKey", String.valueOf(System.getenv("AWS_ACCESS_KEY_ID")).substring(0, 4));
        return out;
    }
}
