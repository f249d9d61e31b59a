package dev.lambdakit.events;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
 * SES email receiving: the notification a receipt rule's Lambda action sends (headers, common headers, verdicts),
 * without the message body, as SES sends it. aws-lambda-java-events has no class for it, so {@link Builder#build()}
 * gives the JSON as nested maps, which is also what a {@code Map} handler would receive.
 *
 * <pre>{@code
 * Map<String, Object> event = SesEvents.received("jane@example.com", "orders@acme.example").subject("Order 42").build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class SesEvents {

    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern(
                    "EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SesEvents() {}

    public static Builder received(String from, String... to) {
        if (to.length == 0) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
        return new Builder(EventBuilder.required(from, "from"), List.of(to));
    }

    /** Builds the SES notification as a map. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final class Builder extends EventBuilder<Builder, Map> {
        private final String from;
        private final List<String> to;
        private String subject = "";
        private String spam = "PASS";
        private String virus = "PASS";

        private Builder(String from, List<String> to) {
            super(Map.class);
            this.from = from;
            this.to = to;
        }

        public Builder subject(String subject) {
            this.subject = required(subject, "subject");
            return this;
        }

        /** {@code PASS}, {@code FAIL}, {@code GRAY} or {@code PROCESSING_FAILED}. */
        public Builder spamVerdict(String status) {
            this.spam = required(status, "status");
            return this;
        }

        public Builder virusVerdict(String status) {
            this.virus = required(status, "status");
            return this;
        }

        @Override
        protected Map<String, Object> tree() {
            Instant at = now();
            // SES's own id: 40 lower-case letters and digits; the sender's MTA names the Message-ID header.
            String messageId = upperAlnum(40).toLowerCase(Locale.ROOT);
            String senderDomain = from.contains("@") ? from.substring(from.indexOf('@') + 1) : "mail.example";
            String headerMessageId = "<" + uuid() + "@" + senderDomain + ">";
            String date = RFC_2822.format(at);
            String verdicts = "spf=pass (spfCheck: domain of " + senderDomain + " designates the sender as permitted) "
                    + "smtp.mailfrom=" + from + "; dkim=pass header.i=@" + senderDomain + "; dmarc=pass header.from="
                    + senderDomain + ";";
            List<Object> headers = new ArrayList<>();
            headers.add(header("Return-Path", "<" + from + ">"));
            headers.add(header(
                    "Received",
                    "from mail." + senderDomain + " (mail." + senderDomain + " [203.0.113.25]) by inbound-smtp."
                            + region() + "." + dnsSuffix() + " with SMTP id " + messageId + " for " + to.get(0)
                            + "; " + date));
            headers.add(header("X-SES-Spam-Verdict", spam));
            headers.add(header("X-SES-Virus-Verdict", virus));
            headers.add(header("Received-SPF", "pass (spfCheck: domain of " + senderDomain + ")"));
            headers.add(header("Authentication-Results", "amazonses.com; " + verdicts));
            headers.add(header("X-SES-RECEIPT", base64(96)));
            headers.add(header(
                    "DKIM-Signature",
                    "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + senderDomain + "; s=selector1; "
                            + "h=From:To:Subject:Date:Message-ID:MIME-Version:Content-Type; bh=" + base64(32)
                            + "; b=" + base64(128)));
            headers.add(header("MIME-Version", "1.0"));
            headers.add(header("From", from));
            headers.add(header("Date", date));
            headers.add(header("To", String.join(", ", to)));
            headers.add(header("Message-ID", headerMessageId));
            headers.add(header("Subject", subject));
            headers.add(header("Content-Type", "text/plain; charset=UTF-8"));
            Map<String, Object> common = new LinkedHashMap<>();
            common.put("returnPath", from);
            common.put("from", List.of(from));
            common.put("date", date);
            common.put("to", to);
            common.put("messageId", headerMessageId);
            common.put("subject", subject);
            Map<String, Object> mail = new LinkedHashMap<>();
            mail.put("timestamp", isoMillis(at));
            mail.put("source", from);
            mail.put("messageId", messageId);
            mail.put("destination", to);
            mail.put("headersTruncated", false);
            mail.put("headers", headers);
            mail.put("commonHeaders", common);
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", "Lambda");
            action.put(
                    "functionArn",
                    "arn:" + partition() + ":lambda:" + region() + ":" + accountId() + ":function:ses-handler");
            action.put("invocationType", "Event");
            Map<String, Object> receipt = new LinkedHashMap<>();
            receipt.put("timestamp", isoMillis(at));
            receipt.put("processingTimeMillis", 420);
            receipt.put("recipients", to);
            receipt.put("spamVerdict", verdict(spam));
            receipt.put("virusVerdict", verdict(virus));
            receipt.put("spfVerdict", verdict("PASS"));
            receipt.put("dkimVerdict", verdict("PASS"));
            receipt.put("dmarcVerdict", verdict("PASS"));
            receipt.put("action", action);
            Map<String, Object> ses = new LinkedHashMap<>();
            ses.put("mail", mail);
            ses.put("receipt", receipt);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("eventSource", "aws:ses");
            record.put("eventVersion", "1.0");
            record.put("ses", ses);
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("Records", List.of(record));
            return root;
        }

        private static Map<String, Object> header(String name, String value) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("name", name);
            h.put("value", value);
            return h;
        }

        private static Map<String, Object> verdict(String status) {
            return new LinkedHashMap<>(Map.of("status", status));
        }
    }
}
