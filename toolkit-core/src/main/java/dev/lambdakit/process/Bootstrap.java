package dev.lambdakit.process;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lambdakit.events.JsonText;
import dev.lambdakit.function.HandlerFault;
import dev.lambdakit.function.HandlerReference;
import dev.lambdakit.function.HandlerResolver;
import dev.lambdakit.function.ResolvedHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * LambdaKit's own small runtime, for forked functions where the official runtime interface client cannot load (its
 * native code is Linux-only): the same Runtime API loop in pure Java, with LambdaKit's implementation of the Java
 * runtime's handler rules and error payloads. Started as {@code java ... dev.lambdakit.process.Bootstrap <handler>}.
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class Bootstrap {

    private Bootstrap() {}

    public static void main(String[] args) throws Exception {
        String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
        if (api == null || args.length != 1) {
            System.err.println(
                    "usage: AWS_LAMBDA_RUNTIME_API=host:port java " + Bootstrap.class.getName() + " <handler>");
            System.exit(2);
        }
        String base = "http://" + api + "/2018-06-01/runtime";
        ResolvedHandler handler;
        try {
            handler = HandlerResolver.resolve(HandlerReference.of(args[0]), Bootstrap.class.getClassLoader());
        } catch (HandlerFault fault) {
            post(
                    base + "/init/error",
                    "Runtime.BadFunctionCode",
                    errorJson(fault.errorMessage(), fault.errorType(), null));
            System.exit(1);
            return;
        }
        while (true) {
            HttpURLConnection next = (HttpURLConnection)
                    URI.create(base + "/invocation/next").toURL().openConnection();
            if (next.getResponseCode() != 200) {
                System.exit(1);
            }
            String requestId = next.getHeaderField("Lambda-Runtime-Aws-Request-Id");
            long deadline = Long.parseLong(next.getHeaderField("Lambda-Runtime-Deadline-Ms"));
            String arn = next.getHeaderField("Lambda-Runtime-Invoked-Function-Arn");
            String trace = next.getHeaderField("Lambda-Runtime-Trace-Id");
            byte[] event;
            try (InputStream in = next.getInputStream()) {
                event = in.readAllBytes();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handle(event, out, context(requestId, deadline, arn, trace));
                post(base + "/invocation/" + requestId + "/response", null, out.toByteArray());
            } catch (HandlerFault fault) {
                post(
                        base + "/invocation/" + requestId + "/error",
                        "Runtime.BadFunctionCode",
                        errorJson(fault.errorMessage(), fault.errorType(), null));
            } catch (Throwable t) {
                List<String> frames = new ArrayList<>();
                for (StackTraceElement e : t.getStackTrace()) {
                    frames.add(e.toString());
                }
                String message = t.getLocalizedMessage() == null ? t.getClass().getName() : t.getLocalizedMessage();
                post(
                        base + "/invocation/" + requestId + "/error",
                        "Runtime.UserException",
                        errorJson(message, t.getClass().getName(), frames));
                if (t instanceof VirtualMachineError) {
                    System.exit(1);
                }
            }
        }
    }

    private static byte[] errorJson(String message, String type, List<String> frames) {
        StringBuilder sb = new StringBuilder("{\"errorMessage\":").append(JsonText.quote(message));
        if (type != null) {
            sb.append(",\"errorType\":").append(JsonText.quote(type));
        }
        if (frames != null) {
            sb.append(",\"stackTrace\":").append(JsonText.write(frames));
        }
        return sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void post(String url, String errorType, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        if (errorType != null) {
            c.setRequestProperty("Lambda-Runtime-Function-Error-Type", errorType);
        }
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        c.getResponseCode();
        c.disconnect();
    }

    private static Context context(String requestId, long deadline, String arn, String trace) {
        String name = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        int memory = Integer.parseInt(System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message.endsWith("\n") ? message : message + "\n");
                System.out.flush();
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
        return new Context() {
            @Override
            public String getAwsRequestId() {
                return requestId;
            }

            @Override
            public String getLogGroupName() {
                return System.getenv("AWS_LAMBDA_LOG_GROUP_NAME");
            }

            @Override
            public String getLogStreamName() {
                return System.getenv("AWS_LAMBDA_LOG_STREAM_NAME");
            }

            @Override
            public String getFunctionName() {
                return name;
            }

            @Override
            public String getFunctionVersion() {
                return System.getenv("AWS_LAMBDA_FUNCTION_VERSION");
            }

            @Override
            public String getInvokedFunctionArn() {
                return arn;
            }

            @Override
            public CognitoIdentity getIdentity() {
                return null;
            }

            @Override
            public ClientContext getClientContext() {
                return null;
            }

            @Override
            public int getRemainingTimeInMillis() {
                return (int) Math.max(0, deadline - System.currentTimeMillis());
            }

            @Override
            public int getMemoryLimitInMB() {
                return memory;
            }

            @Override
            public LambdaLogger getLogger() {
                return logger;
            }

            @Override
            public String getXrayTraceId() {
                return trace;
            }
        };
    }
}
