package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsFirehoseInputPreprocessingEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsOutputDeliveryEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisAnalyticsStreamsInputPreprocessingEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Kinesis Data Analytics (SQL applications): input preprocessing of records from a Kinesis stream or a Firehose
 * delivery stream, and output delivery to a function. Data is Base64-encoded, as the service sends it.
 *
 * <pre>{@code
 * KinesisAnalyticsStreamsInputPreprocessingEvent in = KinesisAnalyticsEvents.streamsInput("clicks-app", "clicks")
 *         .record("{\"page\":\"/\"}")
 *         .build();
 * KinesisAnalyticsOutputDeliveryEvent out = KinesisAnalyticsEvents.outputDelivery("clicks-app").record("42").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class KinesisAnalyticsEvents {

    private KinesisAnalyticsEvents() {}

    /** Records read from a Kinesis data stream, before the application sees them. */
    public static Builder<KinesisAnalyticsStreamsInputPreprocessingEvent> streamsInput(
            String applicationName, String streamName) {
        return new Builder<>(
                KinesisAnalyticsStreamsInputPreprocessingEvent.class,
                EventBuilder.required(applicationName, "applicationName"),
                Source.STREAM,
                EventBuilder.required(streamName, "streamName"));
    }

    /** Records read from a Firehose delivery stream, before the application sees them. */
    public static Builder<KinesisAnalyticsFirehoseInputPreprocessingEvent> firehoseInput(
            String applicationName, String deliveryStreamName) {
        return new Builder<>(
                KinesisAnalyticsFirehoseInputPreprocessingEvent.class,
                EventBuilder.required(applicationName, "applicationName"),
                Source.FIREHOSE,
                EventBuilder.required(deliveryStreamName, "deliveryStreamName"));
    }

    /** Rows the application's output sends to the function. */
    public static Builder<KinesisAnalyticsOutputDeliveryEvent> outputDelivery(String applicationName) {
        return new Builder<>(
                KinesisAnalyticsOutputDeliveryEvent.class,
                EventBuilder.required(applicationName, "applicationName"),
                Source.OUTPUT,
                null);
    }

    private enum Source {
        STREAM,
        FIREHOSE,
        OUTPUT
    }

    /**
     * Builds one of the three Kinesis Data Analytics events.
     *
     * @param <E> the event class
     */
    public static final class Builder<E> extends EventBuilder<Builder<E>, E> {
        private final String application;
        private final Source source;
        private final String sourceName;
        private final List<byte[]> records = new ArrayList<>();

        private Builder(Class<E> type, String application, Source source, String sourceName) {
            super(type);
            this.application = application;
            this.source = source;
            this.sourceName = sourceName;
        }

        public Builder<E> record(String data) {
            return record(utf8(required(data, "data")));
        }

        public Builder<E> record(byte[] data) {
            records.add(required(data, "data"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            String arnPrefix = ":" + region() + ":" + accountId() + ":";
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("invocationId", uuid());
            root.put(
                    "applicationArn",
                    "arn:" + partition() + ":kinesisanalytics" + arnPrefix + "application/" + application);
            if (source == Source.STREAM) {
                root.put("streamArn", "arn:" + partition() + ":kinesis" + arnPrefix + "stream/" + sourceName);
            } else if (source == Source.FIREHOSE) {
                root.put("streamArn", "arn:" + partition() + ":firehose" + arnPrefix + "deliverystream/" + sourceName);
            }
            List<Object> out = new ArrayList<>();
            int n = 0;
            for (byte[] data : records) {
                String sequence = "4954" + digits(52);
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("recordId", sequence);
                switch (source) {
                    case STREAM -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("sequenceNumber", sequence);
                        m.put("partitionKey", "partition-" + n);
                        m.put("shardId", "shardId-000000000000");
                        m.put("approximateArrivalTimestamp", at.toEpochMilli());
                        r.put("kinesisStreamRecordMetadata", m);
                    }
                    case FIREHOSE ->
                        r.put(
                                "kinesisFirehoseRecordMetadata",
                                Map.of("approximateArrivalTimestamp", at.toEpochMilli()));
                    case OUTPUT -> r.put("lambdaDeliveryRecordMetadata", Map.of("retryHint", 0));
                }
                r.put("data", base64(data));
                out.add(r);
                n++;
            }
            root.put("records", out);
            return root;
        }
    }
}
