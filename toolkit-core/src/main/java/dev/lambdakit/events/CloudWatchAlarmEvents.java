package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.CloudWatchCompositeAlarmEvent;
import com.amazonaws.services.lambda.runtime.events.CloudWatchMetricAlarmEvent;
import dev.lambdakit.events.internal.JsonText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * CloudWatch alarms with a Lambda action: a metric alarm or a composite alarm changing state, with the previous
 * state and the alarm's configuration, as CloudWatch sends them.
 *
 * <pre>{@code
 * CloudWatchMetricAlarmEvent high = CloudWatchAlarmEvents.metricAlarm("orders-errors", "AWS/Lambda", "Errors")
 *         .dimension("FunctionName", "orders")
 *         .state("ALARM", "Threshold Crossed: 1 datapoint [3.0] was greater than the threshold (1.0).")
 *         .build();
 * CloudWatchCompositeAlarmEvent composite = CloudWatchAlarmEvents
 *         .compositeAlarm("checkout", "ALARM(orders-errors) OR ALARM(payments-errors)")
 *         .triggeredBy("orders-errors")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CloudWatchAlarmEvents {

    // CloudWatch's alarm timestamps: milliseconds and a +0000 offset.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CloudWatchAlarmEvents() {}

    public static MetricAlarm metricAlarm(String alarmName, String namespace, String metricName) {
        return new MetricAlarm(
                EventBuilder.required(alarmName, "alarmName"),
                EventBuilder.required(namespace, "namespace"),
                EventBuilder.required(metricName, "metricName"));
    }

    /** A composite alarm with its rule over other alarms, such as {@code ALARM(a) OR ALARM(b)}. */
    public static CompositeAlarm compositeAlarm(String alarmName, String alarmRule) {
        return new CompositeAlarm(
                EventBuilder.required(alarmName, "alarmName"), EventBuilder.required(alarmRule, "alarmRule"));
    }

    /** What both alarm kinds share: the state change. */
    public abstract static class Alarm<SELF extends Alarm<SELF, E>, E> extends EventBuilder<SELF, E> {
        protected final String alarmName;
        protected String state = "ALARM";
        protected String reason;
        protected String previousState = "OK";

        Alarm(Class<E> type, String alarmName) {
            super(type);
            this.alarmName = alarmName;
        }

        /** The new state ({@code OK}, {@code ALARM} or {@code INSUFFICIENT_DATA}) and why. */
        public SELF state(String value, String reason) {
            this.state = checkedState(value);
            this.reason = required(reason, "reason");
            return self();
        }

        public SELF previousState(String value) {
            this.previousState = checkedState(value);
            return self();
        }

        private static String checkedState(String value) {
            if (!List.of("OK", "ALARM", "INSUFFICIENT_DATA").contains(value)) {
                throw new IllegalArgumentException(
                        "an alarm state is OK, ALARM or INSUFFICIENT_DATA, but was '" + value + "'");
            }
            return value;
        }

        protected abstract Map<String, Object> configuration();

        protected abstract String reasonData(Instant at);

        protected abstract String defaultReason();

        protected String alarmArn() {
            return "arn:" + partition() + ":cloudwatch:" + region() + ":" + accountId() + ":alarm:" + alarmName;
        }

        protected Map<String, Object> stateNode(String value, String why, String data, Instant at) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("value", value);
            s.put("reason", why);
            s.put("reasonData", data);
            s.put("timestamp", TIME.format(at));
            return s;
        }

        protected Map<String, Object> previous(Instant at) {
            return stateNode(previousState, "Unchecked: initial alarm creation", null, at.minusSeconds(300));
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("alarmName", alarmName);
            data.put("state", stateNode(state, reason != null ? reason : defaultReason(), reasonData(at), at));
            data.put("previousState", previous(at));
            data.put("configuration", configuration());
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("source", "aws.cloudwatch");
            root.put("alarmArn", alarmArn());
            root.put("accountId", accountId());
            root.put("time", TIME.format(at));
            root.put("region", region());
            root.put("alarmData", data);
            return root;
        }
    }

    /** Builds a {@link CloudWatchMetricAlarmEvent}. */
    public static final class MetricAlarm extends Alarm<MetricAlarm, CloudWatchMetricAlarmEvent> {
        private final String namespace;
        private final String metricName;
        private final Map<String, Object> dimensions = new LinkedHashMap<>();
        private String stat = "Sum";
        private int period = 60;
        private double threshold = 1.0;

        private MetricAlarm(String alarmName, String namespace, String metricName) {
            super(CloudWatchMetricAlarmEvent.class, alarmName);
            this.namespace = namespace;
            this.metricName = metricName;
        }

        public MetricAlarm dimension(String name, String value) {
            dimensions.put(required(name, "name"), required(value, "value"));
            return this;
        }

        /** The statistic ({@code Sum}, {@code Average}, {@code p99}, ...) over periods of the given seconds. */
        public MetricAlarm statistic(String stat, int periodSeconds) {
            this.stat = required(stat, "stat");
            this.period = periodSeconds;
            return this;
        }

        public MetricAlarm threshold(double threshold) {
            this.threshold = threshold;
            return this;
        }

        @Override
        protected String defaultReason() {
            return "Threshold Crossed: 1 datapoint was greater than the threshold (" + threshold + ").";
        }

        @Override
        protected String reasonData(Instant at) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("version", "1.0");
            d.put("queryDate", TIME.format(at));
            d.put("statistic", stat);
            d.put("period", period);
            d.put("recentDatapoints", List.of());
            d.put("threshold", threshold);
            d.put("evaluatedDatapoints", List.of(Map.of("timestamp", TIME.format(at.minusSeconds(period)))));
            return JsonText.write(d);
        }

        @Override
        protected Map<String, Object> configuration() {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("namespace", namespace);
            metric.put("name", metricName);
            metric.put("dimensions", dimensions);
            Map<String, Object> metricStat = new LinkedHashMap<>();
            metricStat.put("metric", metric);
            metricStat.put("period", period);
            metricStat.put("stat", stat);
            metricStat.put("unit", null);
            Map<String, Object> query = new LinkedHashMap<>();
            query.put("id", uuid());
            query.put("metricStat", metricStat);
            query.put("returnData", true);
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("description", null);
            c.put("metrics", List.of(query));
            return c;
        }
    }

    /** Builds a {@link CloudWatchCompositeAlarmEvent}. */
    public static final class CompositeAlarm extends Alarm<CompositeAlarm, CloudWatchCompositeAlarmEvent> {
        private final String rule;
        private final List<String> triggering = new ArrayList<>();
        private String suppressor;

        private CompositeAlarm(String alarmName, String rule) {
            super(CloudWatchCompositeAlarmEvent.class, alarmName);
            this.rule = rule;
        }

        /** A child alarm whose change to ALARM triggered this one. */
        public CompositeAlarm triggeredBy(String childAlarmName) {
            triggering.add(required(childAlarmName, "childAlarmName"));
            return this;
        }

        /** The alarm that suppresses this one's actions while it is in ALARM. */
        public CompositeAlarm actionsSuppressor(String alarmName) {
            this.suppressor = required(alarmName, "alarmName");
            return this;
        }

        private String childArn(String name) {
            return "arn:" + partition() + ":cloudwatch:" + region() + ":" + accountId() + ":alarm:" + name;
        }

        @Override
        protected String defaultReason() {
            return triggering.isEmpty()
                    ? "the alarm rule evaluated to " + state
                    : childArn(triggering.get(0)) + " transitioned to ALARM";
        }

        @Override
        protected String reasonData(Instant at) {
            List<Object> alarms = new ArrayList<>();
            for (String child : triggering) {
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("value", "ALARM");
                s.put("timestamp", TIME.format(at));
                alarms.add(Map.of("arn", childArn(child), "state", s));
            }
            return JsonText.write(Map.of("triggeringAlarms", alarms));
        }

        @Override
        protected Map<String, Object> previous(Instant at) {
            Map<String, Object> p = super.previous(at);
            p.put("actionsSuppressedBy", null);
            p.put("actionsSuppressedReason", null);
            return p;
        }

        @Override
        protected Map<String, Object> configuration() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("alarmRule", rule);
            c.put("actionsSuppressor", suppressor);
            c.put("actionsSuppressorWaitPeriod", suppressor == null ? null : 120);
            c.put("actionsSuppressorExtensionPeriod", suppressor == null ? null : 180);
            return c;
        }
    }
}
