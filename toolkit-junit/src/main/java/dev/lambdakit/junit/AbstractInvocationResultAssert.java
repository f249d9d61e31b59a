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
public abstract class AbstractInvocationResultAssert<SELF extends AbstractInvocationResultAssert<SELF>>
        extends AbstractAssert<SELF, InvocationResult<?>> {

    // Failure message templates, for subclasses' own messages to match.
    protected static final String MESSAGE_SUCCEEDED =
            "%nExpecting invocation %s to succeed, but it failed with:%n  %s%n%s";
    protected static final String MESSAGE_FAILED =
            "%nExpecting invocation %s to fail, but it succeeded with payload:%n  %s";
    protected static final String MESSAGE_HAS_ERROR_TYPE = "%nExpecting errorType:%n  %s%nbut was:%n  %s%nError:%n  %s";
    protected static final String MESSAGE_HAS_ERROR_MESSAGE = "%nExpecting errorMessage:%n  \"%s\"%nbut was:%n  \"%s\"";
    protected static final String MESSAGE_HAS_ERROR_MESSAGE_CONTAINING =
            "%nExpecting errorMessage to contain:%n  \"%s\"%nbut was:%n  \"%s\"";
    protected static final String MESSAGE_HAS_FUNCTION_ERROR_TYPE =
            "%nExpecting function error type %s but was %s:%n  %s";
    protected static final String MESSAGE_WAS_COLD_START =
            "%nExpecting invocation %s to be a cold start, but it was warm";
    protected static final String MESSAGE_WAS_WARM_START =
            "%nExpecting invocation %s to be warm, but it was a cold start (init %.2f ms)";
    protected static final String MESSAGE_HAS_PAYLOAD = "%nExpecting payload:%n  %s%nbut was:%n  %s";
    protected static final String MESSAGE_HAS_STATUS_CODE =
            "%nExpecting an HTTP response with a statusCode, but the payload was:%n  %s";
    protected static final String MESSAGE_HAS_STATUS_CODE_2 = "%nExpecting statusCode %s but was %s; body:%n  %s";
    protected static final String MESSAGE_HTTP_RESPONSE = "%nExpecting an HTTP response, but the payload was:%n  %s";
    protected static final String MESSAGE_BATCH_RESPONSE =
            "%nExpecting a partial batch response (batchItemFailures), but the payload was:%n  %s";
    protected static final String MESSAGE_LOG_CONTAINS =
            "%nExpecting the log of %s to contain:%n  \"%s\"%nbut it was:%n  %s";
    protected static final String MESSAGE_IN_PHASE = "%nExpecting a %s error, but it was a %s error:%n  %s";

    private static final int FRAMES = 5;
    private static final int LOG_LINES = 12;

    protected AbstractInvocationResultAssert(InvocationResult<?> actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /** The invocation returned a response (no function error). */
    public SELF succeeded() {
        isNotNull();
        if (!actual.isSuccess()) {
            throw failure(
                    MESSAGE_SUCCEEDED,
                    actual.requestId(),
                    actual.error().orElseThrow().describe(FRAMES).replace("\n", "\n  "),
                    logTail());
        }
        return myself;
    }

    /** The invocation failed, in any phase. */
    public SELF failed() {
        isNotNull();
        if (actual.isSuccess()) {
            throw failure(MESSAGE_FAILED, actual.requestId(), actual.payloadAsString());
        }
        return myself;
    }

    /** The invocation failed with this {@code errorType} (a fully qualified exception class, usually). */
    public SELF hasErrorType(String errorType) {
        LambdaError error = error();
        if (!Objects.equals(error.errorType(), errorType)) {
            throw failureWithActualExpected(
                    error.errorType(),
                    errorType,
                    MESSAGE_HAS_ERROR_TYPE,
                    errorType,
                    error.errorType(),
                    error.describe(FRAMES).replace("\n", "\n  "));
        }
        return myself;
    }

    /** The invocation failed with an exception of this class. */
    public SELF hasErrorType(Class<? extends Throwable> type) {
        return hasErrorType(type.getName());
    }

    /** The {@code errorMessage} equals this. */
    public SELF hasErrorMessage(String message) {
        LambdaError error = error();
        if (!Objects.equals(error.errorMessage(), message)) {
            throw failureWithActualExpected(
                    error.errorMessage(), message, MESSAGE_HAS_ERROR_MESSAGE, message, error.errorMessage());
        }
        return myself;
    }

    /** The {@code errorMessage} contains this. */
    public SELF hasErrorMessageContaining(String part) {
        LambdaError error = error();
        if (error.errorMessage() == null || !error.errorMessage().contains(part)) {
            throw failure(MESSAGE_HAS_ERROR_MESSAGE_CONTAINING, part, error.errorMessage());
        }
        return myself;
    }

    /** The runtime classified the failure so: {@code Runtime.UserException}, {@code Runtime.BadFunctionCode}, ... */
    public SELF hasFunctionErrorType(String functionErrorType) {
        LambdaError error = error();
        if (!Objects.equals(error.functionErrorType(), functionErrorType)) {
            throw failure(
                    MESSAGE_HAS_FUNCTION_ERROR_TYPE,
                    functionErrorType,
                    error.functionErrorType(),
                    error.describe(FRAMES).replace("\n", "\n  "));
        }
        return myself;
    }

    /** The function's timeout passed ({@code Task timed out after N.00 seconds}). */
    public SELF timedOut() {
        return inPhase(LambdaError.Phase.TIMEOUT);
    }

    /** The handler could not be initialised (an init error). */
    public SELF failedDuringInit() {
        return inPhase(LambdaError.Phase.INIT);
    }

    /** The handler ran and failed. */
    public SELF failedDuringInvoke() {
        return inPhase(LambdaError.Phase.INVOKE);
    }

    public SELF wasColdStart() {
        isNotNull();
        if (!actual.isColdStart()) {
            throw failure(MESSAGE_WAS_COLD_START, actual.requestId());
        }
        return myself;
    }

    public SELF wasWarmStart() {
        isNotNull();
        if (actual.isColdStart()) {
            throw failure(
                    MESSAGE_WAS_WARM_START,
                    actual.requestId(),
                    actual.report().initDurationMillis().orElse(0));
        }
        return myself;
    }

    /** The payload equals this JSON, compared as JSON values (key order and spacing do not matter). */
    public SELF hasPayload(String expectedJson) {
        isNotNull();
        Object expected = EventJson.fromJson(expectedJson, Object.class);
        Object actualValue = EventJson.fromJson(actual.payloadAsString(), Object.class);
        if (!Objects.equals(expected, actualValue)) {
            throw failureWithActualExpected(
                    actual.payloadAsString(),
                    expectedJson,
                    MESSAGE_HAS_PAYLOAD,
                    expectedJson,
                    actual.payloadAsString());
        }
        return myself;
    }

    /**
     * The response has this {@code statusCode}: for API Gateway (REST and HTTP API), ALB and function URL responses.
     */
    public SELF hasStatusCode(int expected) {
        succeeded();
        Object parsed = EventJson.fromJson(actual.payloadAsString(), Object.class);
        if (!(parsed instanceof Map<?, ?> map) || !(map.get("statusCode") instanceof Number status)) {
            throw failure(MESSAGE_HAS_STATUS_CODE, actual.payloadAsString());
        }
        if (status.intValue() != expected) {
            throw failureWithActualExpected(
                    status.intValue(),
                    expected,
                    MESSAGE_HAS_STATUS_CODE_2,
                    expected,
                    status.intValue(),
                    map.get("body"));
        }
        return myself;
    }

    /** Switches to assertions on the payload read as an HTTP response (API Gateway, function URL, ALB). */
    public HttpResponseAssert httpResponse() {
        succeeded();
        try {
            return new HttpResponseAssert(HttpResponse.of(actual.payloadAsString()));
        } catch (IllegalArgumentException e) {
            throw failure(MESSAGE_HTTP_RESPONSE, actual.payloadAsString());
        }
    }

    /** Switches to assertions on the payload read as a partial batch response. */
    public BatchResponseAssert batchResponse() {
        succeeded();
        try {
            return new BatchResponseAssert(BatchFailures.of(actual.payloadAsString()));
        } catch (IllegalArgumentException e) {
            throw failure(MESSAGE_BATCH_RESPONSE, actual.payloadAsString());
        }
    }

    /** Some log line (START to REPORT, handler output included) contains this text. */
    public SELF logContains(String text) {
        isNotNull();
        if (actual.logLines().stream().noneMatch(l -> l.contains(text))) {
            throw failure(MESSAGE_LOG_CONTAINS, actual.requestId(), text, String.join("\n  ", actual.logLines()));
        }
        return myself;
    }

    /** Switches to assertions on the output, read as the type given to {@code invoke}. */
    public ObjectAssert<Object> output() {
        succeeded();
        return new ObjectAssert<>(actual.output());
    }

    private SELF inPhase(LambdaError.Phase phase) {
        LambdaError error = error();
        if (error.phase() != phase) {
            throw failure(
                    MESSAGE_IN_PHASE,
                    phase.name().toLowerCase(),
                    error.phase().name().toLowerCase(),
                    error.describe(FRAMES).replace("\n", "\n  "));
        }
        return myself;
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
