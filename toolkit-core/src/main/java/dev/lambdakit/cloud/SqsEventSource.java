package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdakit.cloud.internal.EventFilter;
import dev.lambdakit.events.EventJson;
import dev.lambdakit.events.internal.JsonText;
import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaFunction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apiguardian.api.API;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The SQS event source mapping, simulated against a real queue: polls a batch (batch size, batching window), invokes
 * the function with it, deletes what succeeded, and leaves the rest for SQS to make visible again after the
 * visibility timeout (and move to the dead-letter queue after {@code maxReceiveCount} receives).
 *
 * <p>With {@code ReportBatchItemFailures} only the reported message ids are retried; an unknown, empty or null id,
 * a response that is not JSON, or an error fails the whole batch. On a FIFO queue everything from the first reported
 * failure on is retried, keeping the group's order. A mapping whose queue's visibility timeout is shorter than the
 * function's timeout is refused, as Lambda refuses it.
 *
 * <pre>{@code
 * SqsEventSource source = SqsEventSource.builder(function, sqs, queueUrl).batchSize(10)
 *         .reportBatchItemFailures(true).build();
 * SqsEventSource.Batch batch = source.poll();
 * assert batch.retried().isEmpty();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SqsEventSource {

    /** What happened to one polled batch. */
    public record Batch(
            List<String> messageIds,
            InvocationResult<Object> invocation,
            List<String> deleted,
            List<String> retried,
            String failureReason) {
        /** Whether the whole batch failed (nothing deleted). */
        public boolean failedAsWhole() {
            return failureReason != null;
        }
    }

    private final Function<SQSEvent, InvocationResult<Object>> invoker;
    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final String region;
    private final boolean fifo;
    private final int batchSize;
    private final Duration batchWindow;
    private final boolean reportBatchItemFailures;
    private final EventFilter filter;

    private SqsEventSource(Builder b) {
        this.invoker = b.invoker;
        this.sqs = b.sqs;
        this.queueUrl = b.queueUrl;
        Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(
                        r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.ALL))
                .attributes();
        this.queueArn = attributes.get(QueueAttributeName.QUEUE_ARN);
        this.region = queueArn.split(":")[3];
        this.fifo = queueUrl.endsWith(".fifo");
        int visibility = Integer.parseInt(attributes.getOrDefault(QueueAttributeName.VISIBILITY_TIMEOUT, "30"));
        long functionTimeout = b.functionTimeout.toSeconds();
        if (visibility < functionTimeout) {
            throw new IllegalArgumentException("Queue visibility timeout: " + visibility + " seconds is less than "
                    + "Function timeout: " + functionTimeout + " seconds");
        }
        int max = fifo ? 10 : 10_000;
        if (b.batchSize < 1 || b.batchSize > max) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + max + " for a "
                    + (fifo ? "FIFO" : "standard") + " queue, but was " + b.batchSize);
        }
        if (b.batchSize > 10 && b.batchWindow.isZero()) {
            throw new IllegalArgumentException("A batchSize over 10 (" + b.batchSize + ") needs a batching window "
                    + "of at least 1 second, as Lambda requires");
        }
        this.batchSize = b.batchSize;
        this.batchWindow = b.batchWindow;
        this.reportBatchItemFailures = b.reportBatchItemFailures;
        this.filter = EventFilter.of(b.filters);
    }

    public static Builder builder(LambdaFunction function, SqsClient sqs, String queueUrl) {
        Objects.requireNonNull(function, "function");
        return new Builder(function::invoke, function.config().timeout(), sqs, queueUrl);
    }

    /**
     * A mapping to whatever invokes the function, such as a local Lambda service's pool of environments.
     *
     * @param functionTimeout the function's timeout, which the queue's visibility timeout must cover
     */
    public static Builder builder(
            Function<SQSEvent, InvocationResult<Object>> invoker,
            Duration functionTimeout,
            SqsClient sqs,
            String queueUrl) {
        return new Builder(invoker, functionTimeout, sqs, queueUrl);
    }

    /**
     * Polls in the background, as Lambda's pollers do, until the returned handle is closed (which waits for the
     * batch in hand). A failing poll (the queue deleted, the backend stopped) ends the polling.
     */
    public AutoCloseable start(String name) {
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread poller = new Thread(
                () -> {
                    while (running.get()) {
                        try {
                            poll();
                        } catch (RuntimeException e) {
                            if (running.get()) {
                                System.err.println(
                                        "LAMBDAKIT: event source " + name + " stopped polling " + queueUrl + ": " + e);
                            }
                            return;
                        }
                    }
                },
                "lambdakit-sqs-poller-" + name);
        poller.setDaemon(true);
        poller.start();
        return () -> {
            running.set(false);
            poller.join(TimeUnit.SECONDS.toMillis(5));
        };
    }

    /**
     * Polls one batch and processes it; returns null when the queue had nothing to deliver. Messages the filters
     * let through none of are deleted without an invocation (then the batch's invocation is null when none passed).
     */
    public Batch poll() {
        List<Message> received = receive();
        if (received.isEmpty()) {
            return null;
        }
        List<Message> messages = new ArrayList<>();
        List<Map<String, Object>> records = new ArrayList<>();
        List<String> filteredOut = new ArrayList<>();
        for (Message m : received) {
            Map<String, Object> record = record(m);
            if (filter.matches(record)) {
                messages.add(m);
                records.add(record);
            } else {
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                filteredOut.add(m.messageId());
            }
        }
        if (messages.isEmpty()) {
            return new Batch(List.of(), null, filteredOut, List.of(), null);
        }
        List<String> ids = messages.stream().map(Message::messageId).toList();
        InvocationResult<Object> result =
                invoker.apply(EventJson.fromJson(JsonText.write(Map.of("Records", records)), SQSEvent.class));
        Set<String> retry = new LinkedHashSet<>();
        String failure = null;
        if (!result.isSuccess()) {
            failure = "the function failed: " + result.error().orElseThrow().errorMessage();
        } else if (reportBatchItemFailures) {
            failure = reportedFailures(result.payloadAsString(), ids, retry);
        }
        if (failure != null) {
            retry.addAll(ids);
        } else if (fifo && !retry.isEmpty()) {
            // FIFO: after the first failure, nothing later in the batch may be deleted, or order would break.
            int first = ids.indexOf(retry.iterator().next());
            for (String id : ids) {
                if (retry.contains(id)) {
                    first = Math.min(first, ids.indexOf(id));
                }
            }
            retry.addAll(ids.subList(first, ids.size()));
        }
        List<String> deleted = new ArrayList<>(filteredOut);
        for (Message m : messages) {
            if (!retry.contains(m.messageId())) {
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
                deleted.add(m.messageId());
            }
        }
        return new Batch(ids, result, deleted, new ArrayList<>(retry), failure);
    }

    /** Polls until a poll finds nothing (or {@code timeout} passes); returns every batch processed. */
    public List<Batch> drain(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Batch> batches = new ArrayList<>();
        Batch b;
        while (System.nanoTime() < deadline && (b = poll()) != null) {
            batches.add(b);
        }
        return batches;
    }

    private String reportedFailures(String payload, List<String> ids, Set<String> retry) {
        Object tree;
        try {
            tree = EventJson.toTree(payload);
        } catch (RuntimeException e) {
            return "the response is not JSON";
        }
        if (!(tree instanceof Map<?, ?> map) || map.get("batchItemFailures") == null) {
            return null;
        }
        if (!(map.get("batchItemFailures") instanceof List<?> failures)) {
            return "batchItemFailures is not a list";
        }
        for (Object f : failures) {
            Object id = f instanceof Map<?, ?> m ? m.get("itemIdentifier") : null;
            if (id == null || String.valueOf(id).isEmpty()) {
                return "a batch item failure has a null or empty itemIdentifier";
            }
            if (!ids.contains(String.valueOf(id))) {
                return "itemIdentifier " + id + " is not a message of this batch";
            }
            retry.add(String.valueOf(id));
        }
        return null;
    }

    private List<Message> receive() {
        List<Message> messages = new ArrayList<>();
        long windowEnd = System.nanoTime() + batchWindow.toNanos();
        do {
            int want = Math.min(10, batchSize - messages.size());
            List<Message> got = sqs.receiveMessage(r -> r.queueUrl(queueUrl)
                            .maxNumberOfMessages(want)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                            .messageAttributeNames("All")
                            .waitTimeSeconds(messages.isEmpty() && batchWindow.isZero() ? 1 : 0))
                    .messages();
            messages.addAll(got);
            if (got.isEmpty() && System.nanoTime() < windowEnd) {
                sleep();
            }
        } while (messages.size() < batchSize && System.nanoTime() < windowEnd);
        return messages;
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A message as Lambda's SQS event carries it. */
    private Map<String, Object> record(Message m) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        m.attributes().forEach((k, v) -> attributes.put(k.toString(), v));
        Map<String, Object> messageAttributes = new LinkedHashMap<>();
        m.messageAttributes().forEach((k, v) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("stringValue", v.stringValue());
            a.put("stringListValues", List.of());
            a.put("binaryListValues", List.of());
            a.put("dataType", v.dataType());
            messageAttributes.put(k, a);
        });
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("messageId", m.messageId());
        r.put("receiptHandle", m.receiptHandle());
        r.put("body", m.body());
        r.put("attributes", attributes);
        r.put("messageAttributes", messageAttributes);
        r.put("md5OfBody", m.md5OfBody());
        if (m.md5OfMessageAttributes() != null) {
            r.put("md5OfMessageAttributes", m.md5OfMessageAttributes());
        }
        r.put("eventSource", "aws:sqs");
        r.put("eventSourceARN", queueArn);
        r.put("awsRegion", region);
        return r;
    }

    /** Configures an {@link SqsEventSource}. */
    public static final class Builder {
        private final Function<SQSEvent, InvocationResult<Object>> invoker;
        private final Duration functionTimeout;
        private final SqsClient sqs;
        private final String queueUrl;
        private int batchSize = 10;
        private Duration batchWindow = Duration.ZERO;
        private boolean reportBatchItemFailures;
        private final List<String> filters = new ArrayList<>();

        private Builder(
                Function<SQSEvent, InvocationResult<Object>> invoker,
                Duration functionTimeout,
                SqsClient sqs,
                String queueUrl) {
            this.invoker = Objects.requireNonNull(invoker, "invoker");
            this.functionTimeout = Objects.requireNonNull(functionTimeout, "functionTimeout");
            this.sqs = Objects.requireNonNull(sqs, "sqs");
            this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        }

        /** 1 to 10 for FIFO queues, 1 to 10,000 for standard ones (over 10 needs a batching window). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** How long to gather messages before invoking (Lambda's MaximumBatchingWindowInSeconds). */
        public Builder batchWindow(Duration window) {
            this.batchWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Adds a filter pattern ({@code FilterCriteria}), a JSON object such as {@code {"body": {"type":
         * ["order"]}}}: with filters, only messages one of them matches reach the function; the others are deleted.
         */
        public Builder filter(String pattern) {
            filters.add(Objects.requireNonNull(pattern, "pattern"));
            return this;
        }

        /** Turns on {@code ReportBatchItemFailures}. */
        public Builder reportBatchItemFailures(boolean on) {
            this.reportBatchItemFailures = on;
            return this;
        }

        /**
         * @throws IllegalArgumentException when the queue's visibility timeout is shorter than the function's
         *                                  timeout, or the batch settings are out of range
         */
        public SqsEventSource build() {
            return new SqsEventSource(this);
        }
    }
}
