package dev.lambdakit.junit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** A small handler for the extension's tests: greets, reports its environment, or fails on request. */
public class Greeter implements RequestHandler<Map<String, String>, Map<String, String>> {

    private final String greeting;

    public Greeter() {
        this("Hello");
    }

    public Greeter(String greeting) {
        this.greeting = greeting;
    }

    @Override
    public Map<String, String> handleRequest(Map<String, String> input, Context context) {
        if (input.containsKey("fail")) {
            throw new IllegalArgumentException(input.get("fail"));
        }
        String name = input.getOrDefault("name", "world");
        return Map.of(
                "message",
                greeting + ", " + name,
                "table",
                String.valueOf(System.getenv("TABLE")),
                "region",
                System.getenv("AWS_REGION"));
    }
}
