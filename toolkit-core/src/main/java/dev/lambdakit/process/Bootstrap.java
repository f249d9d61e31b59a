package dev.lambdakit.process;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import dev.lambdakit.function.HandlerReference;
import dev.lambdakit.function.internal.HandlerFault;
import dev.lambdakit.function.internal.HandlerResolver;
import dev.lambdakit.function.internal.ResolvedHandler;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.internal.ClientContexts;
import dev.lambdakit.runtime.internal.Errors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
            LambdaError error = new LambdaError(
                    fault.errorMessage(),
                    fault.errorType(),
                    List.of(),
                    LambdaError.Phase.INIT,
                    "Runtime.BadFunctionCode",
                    fault.getCause(),
                    null);
            post(base + "/init/error", error.functionErrorType(), error.toJson().getBytes(StandardCharsets.UTF_8));
            log(Errors.logText(error));
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
            String clientContext = next.getHeaderField("Lambda-Runtime-Client-Context");
            String identity = next.getHeaderField("Lambda-Runtime-Cognito-Identity");
            byte[] event;
            try (InputStream in = next.getInputStream()) {
                event = in.readAllBytes();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                handler.handle(
                        event,
                        out,
                        context(
                                requestId,
                                deadline,
                                arn,
                                trace,
                                clientContext == null ? null : ClientContexts.fromJson(clientContext),
                                identity == null ? null : ClientContexts.identityFromJson(identity)));
                post(base + "/invocation/" + requestId + "/response", null, out.toByteArray());
            } catch (Throwable t) {
                LambdaError error = Errors.fromInvocation(t);
                post(
                        base + "/invocation/" + requestId + "/error",
                        error.functionErrorType(),
                        error.toJson().getBytes(StandardCharsets.UTF_8));
                log(Errors.logText(error));
                if (t instanceof VirtualMachineError) {
                    System.exit(1);
                }
            }
        }
    }

    /** As the official client without a telemetry descriptor: its error lines on standard output. */
    private static void log(String text) {
        System.out.print(text);
        System.out.flush();
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

    private static Context context(
            String requestId,
            long deadline,
            String arn,
            String trace,
            ClientContext clientContext,
            CognitoIdentity identity) {
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
                return identity;
            }

            @Override
            public ClientContext getClientContext() {
                return clientContext;
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
