package dev.lambdakit.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Handlers of every shape the runtime accepts, used by the core tests. */
public final class Handlers {

    private Handlers() {}

    public static class Echo implements RequestHandler<Map<String, Object>, Map<String, Object>> {
        @Override
        public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
            return input;
        }
    }

    public static class Upper {
        public String upper(String in) {
            return in.toUpperCase();
        }
    }

    public static class Stream implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            byte[] bytes = in.readAllBytes();
            for (int i = bytes.length - 1; i >= 0; i--) {
                out.write(bytes[i]);
            }
        }
    }

    /** Remembers when its static initialiser ran and counts invocations in static state. */
    public static class StaticInit implements RequestHandler<Object, Map<String, Object>> {
        static final long INIT_NUMBER = System.nanoTime();
        static int invocations;

        @Override
        public Map<String, Object> handleRequest(Object input, Context context) {
            invocations++;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("init", INIT_NUMBER);
            out.put("invocations", invocations);
            return out;
        }
    }

    public static class Env {
        public Map<String, String> handle(List<String> names) {
            Map<String, String> out = new LinkedHashMap<>();
            for (String n : names) {
                out.put(n, System.getenv(n));
            }
            return out;
        }
    }

    public static class Sleepy {
        public String sleep(Integer millis, Context context) throws InterruptedException {
            Thread.sleep(millis);
            return "slept " + millis;
        }
    }

    /** Ignores interrupts, but gives up by itself after five seconds so no test leaves a spinning thread. */
    public static class Busy {
        public static volatile long iterations;

        public String spin(Context context) {
            long end = System.nanoTime() + 5_000_000_000L;
            while (System.nanoTime() < end) {
                iterations++;
            }
            return "done";
        }
    }

    public static class BadInit implements RequestHandler<Object, Object> {
        static {
            if (Boolean.parseBoolean("true")) {
                throw new IllegalStateException("static boom");
            }
        }

        @Override
        public Object handleRequest(Object input, Context context) {
            return null;
        }
    }

    public static class ThrowingConstructor implements RequestHandler<Object, Object> {
        public ThrowingConstructor() {
            throw new IllegalArgumentException("no config");
        }

        @Override
        public Object handleRequest(Object input, Context context) {
            return null;
        }
    }

    public static class Throwing {
        public String fail(String input) {
            throw new IllegalArgumentException("bad input: " + input, new IllegalStateException("root"));
        }
    }

    public static class NoDefaultConstructor {
        public NoDefaultConstructor(String config) {}

        public String handle(String in) {
            return in;
        }
    }

    public static class StaticMethod {
        public static String handle(String in) {
            return "static:" + in;
        }
    }

    public static class SlowInit implements RequestHandler<Object, String> {
        static {
            try {
                Thread.sleep(Long.getLong("lambdakit.test.slowInitMillis", 1500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public String handleRequest(Object input, Context context) {
            return "ready";
        }
    }

    public static class ContextInfo {
        public Map<String, Object> info(Object ignored, Context c) throws InterruptedException {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("requestId", c.getAwsRequestId());
            out.put("functionName", c.getFunctionName());
            out.put("functionVersion", c.getFunctionVersion());
            out.put("arn", c.getInvokedFunctionArn());
            out.put("logGroup", c.getLogGroupName());
            out.put("logStream", c.getLogStreamName());
            out.put("memory", c.getMemoryLimitInMB());
            int first = c.getRemainingTimeInMillis();
            Thread.sleep(50);
            out.put("remainingFirst", first);
            out.put("remainingLater", c.getRemainingTimeInMillis());
            out.put("traceId", c.getXrayTraceId());
            out.put("traceEnv", System.getenv("_X_AMZN_TRACE_ID"));
            out.put(
                    "identityId",
                    c.getIdentity() == null ? null : c.getIdentity().getIdentityId());
            out.put(
                    "client",
                    c.getClientContext() == null ? null : c.getClientContext().getCustom());
            c.getLogger().log("logged via context");
            System.out.println("printed to stdout");
            return out;
        }
    }

    /** Accepts nothing: no method named {@code handle} with an accepted signature. */
    public static class WrongSignature {
        public String handle(String a, String b) {
            return a + b;
        }
    }

    public static class VoidReturn {
        public void handle(String in) {
            System.setProperty("lambdakit.test.VoidReturn", in);
        }
    }

    @SuppressWarnings("rawtypes")
    public static class Raw implements RequestHandler {
        @Override
        public Object handleRequest(Object input, Context context) {
            return input;
        }
    }

    public static class Generic<I, O> implements RequestHandler<I, O> {
        @Override
        public O handleRequest(I input, Context context) {
            return null;
        }
    }

    public static class NotAHandler {
        public String run(String in) {
            return in;
        }
    }

    public class Inner implements RequestHandler<String, String> {
        @Override
        public String handleRequest(String input, Context context) {
            return input;
        }
    }

    /** Ends its JVM: fatal in process, a Runtime.ExitError in a forked runtime. */
    public static class Exits {
        public String exit(Integer status) {
            System.exit(status);
            return "unreachable";
        }
    }

    /** Allocates until the heap is exhausted. */
    public static class Hog {
        public int hog(Object ignored) {
            java.util.List<long[]> hoard = new java.util.ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }
    }
}
