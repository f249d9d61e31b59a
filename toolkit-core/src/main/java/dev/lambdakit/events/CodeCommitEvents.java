package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.amazonaws.services.lambda.runtime.events.CodeCommitEvent;
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
 * CodeCommit repository triggers: one record per push, listing the references it changed.
 *
 * <pre>{@code
 * CodeCommitEvent push = CodeCommitEvents.repository("payments")
 *         .reference("refs/heads/main", "5c4ef1049f1d27deadbeeff313e0730018be182b")
 *         .build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class CodeCommitEvents {

    // CodeCommit's own format: milliseconds and a numeric offset without a colon.
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CodeCommitEvents() {}

    public static Builder repository(String name) {
        return new Builder(EventBuilder.required(name, "name"));
    }

    /** Builds a {@link CodeCommitEvent}. */
    public static final class Builder extends EventBuilder<Builder, CodeCommitEvent> {
        private final String repository;
        private final List<Map<String, Object>> references = new ArrayList<>();
        private String triggerName = "on-push";
        private String customData;

        private Builder(String repository) {
            super(CodeCommitEvent.class);
            this.repository = repository;
        }

        /** A reference the push moved to the commit. */
        public Builder reference(String ref, String commit) {
            return add(ref, commit, null);
        }

        /** A reference the push created, such as a new branch or tag. */
        public Builder createdReference(String ref, String commit) {
            return add(ref, commit, true);
        }

        private Builder add(String ref, String commit, Boolean created) {
            if (commit == null || !commit.matches("[0-9a-f]{40}")) {
                throw new IllegalArgumentException("commit must be 40 hex digits, but was '" + commit + "'");
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("commit", commit);
            r.put("ref", required(ref, "ref"));
            if (created != null) {
                r.put("created", created);
            }
            references.add(r);
            return this;
        }

        public Builder triggerName(String triggerName) {
            this.triggerName = required(triggerName, "triggerName");
            return this;
        }

        /** The trigger's custom data, passed through as configured. */
        public Builder customData(String customData) {
            this.customData = customData;
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            String configId = uuid();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("awsRegion", region());
            r.put("codecommit", Map.of("references", references));
            r.put("customData", customData);
            r.put("eventId", uuid());
            r.put("eventName", "ReferenceChanges");
            r.put("eventPartNumber", 1);
            r.put("eventSource", "aws:codecommit");
            r.put(
                    "eventSourceARN",
                    "arn:" + partition() + ":codecommit:" + region() + ":" + accountId() + ":" + repository);
            r.put("eventTime", TIME.format(at));
            r.put("eventTotalParts", 1);
            r.put("eventTriggerConfigId", configId);
            r.put("eventTriggerName", triggerName);
            r.put("eventVersion", "1.0");
            r.put("userIdentityARN", "arn:" + partition() + ":iam::" + accountId() + ":user/developer");
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("Records", List.of(r));
            return root;
        }
    }
}
