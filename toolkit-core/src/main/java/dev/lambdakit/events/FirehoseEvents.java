package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.KinesisFirehoseEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.apiguardian.api.API;

/**
 * Amazon Data Firehose transformation requests, records Base64-encoded.
 *
 * <pre>{@code
 * KinesisFirehoseEvent event = FirehoseEvents.deliveryStream("clicks").record("{\"page\":\"/\"}").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FirehoseEvents {

    private FirehoseEvents() {}

    public static Builder deliveryStream(String name) {
        return new Builder(EventBuilder.required(name, "name"));
    }

    /** Builds a {@link KinesisFirehoseEvent}. */
    public static final class Builder extends EventBuilder<Builder, KinesisFirehoseEvent> {
        private final String name;
        private final List<byte[]> records = new ArrayList<>();

        private Builder(String name) {
            super(KinesisFirehoseEvent.class);
            this.name = name;
        }

        public Builder record(String data) {
            return record(utf8(required(data, "data")));
        }

        public Builder records(int count, IntFunction<String> data) {
            for (int i = 0; i < count; i++) {
                record(data.apply(i));
            }
            return this;
        }

        public Builder record(byte[] data) {
            records.add(required(data, "data"));
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            List<Object> out = new ArrayList<>();
            for (byte[] data : records) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("recordId", "4954" + digits(52));
                r.put("approximateArrivalTimestamp", at.toEpochMilli());
                r.put("data", base64(data));
                out.add(r);
            }
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("invocationId", uuid());
            root.put(
                    "deliveryStreamArn",
                    "arn:aws:firehose:" + region() + ":" + accountId() + ":deliverystream/" + name);
            root.put("region", region());
            root.put("records", out);
            return root;
        }
    }
}
