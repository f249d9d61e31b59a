package dev.lambdakit.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.lambdakit.events.BatchFailures;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.HttpResponse;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaError;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.ObjectAssert;

/**
 * Assertions on an {@link InvocationResult}. Every failure message shows the invocation's error (type, message,
 * phase, first frames) and the end of its log, so a failed test explains itself.
 *
 * <pre>{@code
 * assertThat(result).succeeded().wasColdStart().hasPayload("{\"ok\":true}");
 * assertThat(result).timedOut();
 * assertThat(result).failedDuringInit().hasErrorType("java.lang.ExceptionInInitializerError");
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class InvocationResultAssert extends AbstractAssert<InvocationResultAssert, InvocationResult<?>> {

    private static final int FRAMES = 5;
    private static final int LOG_LINES = 12;

    public InvocationResultAssert(InvocationResult<?> actual) {
        super(actual, InvocationResultAssert.class);
    }

    /** The invocation returned a response (no function error). */
    public InvocationResultAssert succeeded() {
        isNotNull();
        if (!actual.isSuccess()) {
            throw failure(
                    "%nExpecting invocation %s to succeed, but it failed with:%n  %s%n%s",
                    actual.requestId(),
                    actual.error().orElseThrow().describe(FRAMES).replace("\n", "\n  "),
                    logTail());
        }
        return this;
    }

    /** The invocation failed, in any phase. */
    public InvocationResultAssert failed() {
        isNotNull();
        if (actual.isSuccess()) {
            throw failure(
                    "%nExpecting invocation %s to fail, but it succeeded with payload:%n  %s",
                    actual.requestId(), actual.payloadAsString());
        }
        return this;
    }

    /** The invocation failed with this {@code errorType} (a fully qualified exception class, usually). */
    public InvocationResultAssert hasErrorType(String errorType) {
        LambdaError error = error();
        if (!Objects.equals(error.errorType(), errorType)) {
            throw failureWithActualExpected(
                    error.errorType(),
                    errorType,
                    "%nExpecting errorType:%n  %s%nbut was:%n  %s%nError:%n  %s",
                    errorType,
                    error.errorType(),
                    error.describe(FRAMES).replace("\n", "\n  "));
        }
        return this;
    }

    /** The invocation failed with an exception of this class. */
    public InvocationResultAssert hasErrorType(Class<? extends Throwable> type) {
        return hasErrorType(type.getName());
    }

    /** The {@code errorMessage} equals this. */
    public InvocationResultAssert hasErrorMessage(String message) {
        LambdaError error = error();
        if (!Objects.equals(error.errorMessage(), message)) {
            throw failureWithActualExpected(
                    error.errorMessage(),
                    message,
                    "%nExpecting errorMessage:%n  \"%s\"%nbut was:%n  \"%s\"",
                    message,
                    error.errorMessage());
        }
        return this;
    }

    /** The {@code errorMessage} contains this. */
    public InvocationResultAssert hasErrorMessageContaining(String part) {
        LambdaError error = error();
        if (error.errorMessage() == null || !error.errorMessage().contains(part)) {
            throw failure(
                    "%nExpecting errorMessage to contain:%n  \"%s\"%nbut was:%n  \"%s\"", part, error.errorMessage());
        }
        return this;
    }

    /** The runtime classified the failure so: {@code Runtime.UserException}, {@code Runtime.BadFunctionCode}, ... */
    public InvocationResultAssert hasFunctionErrorType(String functionErrorType) {
        LambdaError error = error();
        if (!Objects.equals(error.functionErrorType(), functionErrorType)) {
            throw failure(
                    "%nExpecting function error type %s but was %s:%n  %s",
                    functionErrorType,
                    error.functionErrorType(),
                    error.describe(FRAMES).replace("\n", "\n  "));
        }
        return this;
    }

    /** The function's timeout passed ({@code Task timed out after N.00 seconds}). */
    public InvocationResultAssert timedOut() {
        return inPhase(LambdaError.Phase.TIMEOUT);
    }

    /** The handler could not be initialised (an init error). */
    public InvocationResultAssert failedDuringInit() {
        return inPhase(LambdaError.Phase.INIT);
    }

    /** The handler ran and failed. */
    public InvocationResultAssert failedDuringInvoke() {
        return inPhase(LambdaError.Phase.INVOKE);
    }

    public InvocationResultAssert wasColdStart() {
        isNotNull();
        if (!actual.isColdStart()) {
            throw failure("%nExpecting invocation %s to be a cold start, but it was warm", actual.requestId());
        }
        return this;
    }

    public InvocationResultAssert wasWarmStart() {
        isNotNull();
        if (actual.isColdStart()) {
            throw failure(
                    "%nExpecting invocation %s to be warm, but it was a cold start (init %.2f ms)",
                    actual.requestId(), actual.report().initDurationMillis().orElse(0));
        }
        return this;
    }

    /** The payload equals this JSON, compared as JSON values (key order and spacing do not matter). */
    public InvocationResultAssert hasPayload(String expectedJson) {
        isNotNull();
        Object expected = EventJson.fromJson(expectedJson, Object.class);
        Object actualValue = EventJson.fromJson(actual.payloadAsString(), Object.class);
        if (!Objects.equals(expected, actualValue)) {
            throw failureWithActualExpected(
                    actual.payloadAsString(),
                    expectedJson,
                    "%nExpecting payload:%n  %s%nbut was:%n  %s",
                    expectedJson,
                    actual.payloadAsString());
        }
        return this;
    }

    /**
     * The response has this {@code statusCode}: for API Gateway (REST and HTTP API), ALB and function URL responses.
     */
    public InvocationResultAssert hasStatusCode(int expected) {
        succeeded();
        Object parsed = EventJson.fromJson(actual.payloadAsString(), Object.class);
        if (!(parsed instanceof Map<?, ?> map) || !(map.get("statusCode") instanceof Number status)) {
            throw failure(
                    "%nExpecting an HTTP response with a statusCode, but the payload was:%n  %s",
                    actual.payloadAsString());
        }
        if (status.intValue() != expected) {
            throw failureWithActualExpected(
                    status.intValue(),
                    expected,
                    "%nExpecting statusCode %s but was %s; body:%n  %s",
                    expected,
                    status.intValue(),
                    map.get("body"));
        }
        return this;
    }

    /** Switches to assertions on the payload read as an HTTP response (API Gateway, function URL, ALB). */
    public HttpResponseAssert httpResponse() {
        succeeded();
        try {
            return new HttpResponseAssert(HttpResponse.of(actual.payloadAsString()));
        } catch (IllegalArgumentException e) {
            throw failure("%nExpecting an HTTP response, but the payload was:%n  %s", actual.payloadAsString());
        }
    }

    /** Switches to assertions on the payload read as a partial batch response. */
    public BatchResponseAssert batchResponse() {
        succeeded();
        try {
            return new BatchResponseAssert(BatchFailures.of(actual.payloadAsString()));
        } catch (IllegalArgumentException e) {
            throw failure(
                    "%nExpecting a partial batch response (batchItemFailures), but the payload was:%n  %s",
                    actual.payloadAsString());
        }
    }

    /** Some log line (START to REPORT, handler output included) contains this text. */
    public InvocationResultAssert logContains(String text) {
        isNotNull();
        if (actual.logLines().stream().noneMatch(l -> l.contains(text))) {
            throw failure(
                    "%nExpecting the log of %s to contain:%n  \"%s\"%nbut it was:%n  %s",
                    actual.requestId(), text, String.join("\n  ", actual.logLines()));
        }
        return this;
    }

    /** Switches to assertions on the output, read as the type given to {@code invoke}. */
    public ObjectAssert<Object> output() {
        succeeded();
        return new ObjectAssert<>(actual.output());
    }

    private InvocationResultAssert inPhase(LambdaError.Phase phase) {
        LambdaError error = error();
        if (error.phase() != phase) {
            throw failure(
                    "%nExpecting a %s error, but it was a %s error:%n  %s",
                    phase.name().toLowerCase(),
                    error.phase().name().toLowerCase(),
                    error.describe(FRAMES).replace("\n", "\n  "));
        }
        return this;
    }

    private LambdaError error() {
        failed();
        return actual.error().orElseThrow();
    }

    private String logTail() {
        List<String> lines = actual.logLines();
        List<String> tail = lines.subList(Math.max(0, lines.size() - LOG_LINES), lines.size());
        return "Log" + (tail.size() < lines.size() ? " (last " + tail.size() + " lines)" : "") + ":\n  "
                + String.join("\n  ", tail);
    }
}
