package dev.lambdakit.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/** SQS and SNS message attributes of every data type, with SQS's digest over them. */
class MessageAttributesTest {

    private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 8, 0};

    @Test
    @DisplayName("SQS: String, Number and Binary attributes reach the handler with their types")
    void sqsTypedAttributes() {
        SQSEvent.SQSMessage m = Scenarios.fixed(SqsEvents.queue("q"))
                .message(x -> x.body("b")
                        .attribute("tenant", "acme")
                        .attribute("count", 42)
                        .attribute("price", "Number.float", 9.5)
                        .attribute("blob", GZIP_MAGIC))
                .build()
                .getRecords()
                .get(0);

        assertThat(m.getMessageAttributes().get("tenant").getStringValue()).isEqualTo("acme");
        assertThat(m.getMessageAttributes().get("count").getDataType()).isEqualTo("Number");
        assertThat(m.getMessageAttributes().get("count").getStringValue()).isEqualTo("42");
        assertThat(m.getMessageAttributes().get("price").getDataType()).isEqualTo("Number.float");
        var blob = m.getMessageAttributes().get("blob");
        assertThat(blob.getDataType()).isEqualTo("Binary");
        assertThat(blob.getStringValue()).isNull();
        byte[] bytes = new byte[blob.getBinaryValue().remaining()];
        blob.getBinaryValue().get(bytes);
        assertThat(bytes).isEqualTo(GZIP_MAGIC);
    }

    @Test
    @DisplayName("SQS: md5OfMessageAttributes is the digest the AWS SDK checks, over every data type")
    void sqsDigestMatchesTheSdk() throws Exception {
        SQSEvent.SQSMessage m = Scenarios.fixed(SqsEvents.queue("q"))
                .message(x -> x.body("b")
                        .attribute("tenant", "acme")
                        .attribute("count", 42)
                        .attribute("blob", "Binary.gzip", GZIP_MAGIC))
                .build()
                .getRecords()
                .get(0);

        Map<String, MessageAttributeValue> same = Map.of(
                "tenant",
                        MessageAttributeValue.builder()
                                .dataType("String")
                                .stringValue("acme")
                                .build(),
                "count",
                        MessageAttributeValue.builder()
                                .dataType("Number")
                                .stringValue("42")
                                .build(),
                "blob",
                        MessageAttributeValue.builder()
                                .dataType("Binary.gzip")
                                .binaryValue(SdkBytes.fromByteArray(GZIP_MAGIC))
                                .build());
        assertThat(m.getMd5OfMessageAttributes()).isEqualTo(sdkDigest(same));
        assertThat(m.getMd5OfBody()).isEqualTo(EventBuilder.md5Hex("b".getBytes(StandardCharsets.UTF_8)));
    }

    /** The SDK's own computation, which it uses to reject a corrupted ReceiveMessage response. */
    private static String sdkDigest(Map<String, MessageAttributeValue> attributes) throws Exception {
        Method md5 = software.amazon.awssdk.services.sqs.internal.MessageMD5ChecksumInterceptor.class.getDeclaredMethod(
                "calculateMessageAttributesMd5", Map.class);
        md5.setAccessible(true);
        return (String) md5.invoke(null, attributes);
    }

    @Test
    @DisplayName("SNS: Number and Binary attributes carry their type; Binary values are Base64")
    void snsTypedAttributes() {
        SNSEvent.SNS sns = Scenarios.fixed(SnsEvents.topic("t"))
                .message(n -> n.message("m")
                        .attribute("count", 7)
                        .attribute("blob", new byte[] {1, 2, 3})
                        .attribute("tags", "String.Array", "[\"a\",\"b\"]"))
                .build()
                .getRecords()
                .get(0)
                .getSNS();

        assertThat(sns.getMessageAttributes().get("count").getType()).isEqualTo("Number");
        assertThat(sns.getMessageAttributes().get("count").getValue()).isEqualTo("7");
        assertThat(sns.getMessageAttributes().get("blob").getType()).isEqualTo("Binary");
        assertThat(sns.getMessageAttributes().get("blob").getValue()).isEqualTo("AQID");
        assertThat(sns.getMessageAttributes().get("tags").getType()).isEqualTo("String.Array");
    }

    @Test
    @DisplayName("a value that does not fit its data type is refused, naming the attribute")
    void badAttributes() {
        assertThatThrownBy(() -> SqsEvents.queue("q").message(x -> x.attribute("n", "Number", "ten")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("attribute 'n' of type Number must hold a number, but was 'ten'");
        assertThatThrownBy(() -> SqsEvents.queue("q").message(x -> x.attribute("b", "Binary", "text")))
                .hasMessage("attribute 'b' of type Binary takes a byte[], but was a java.lang.String");
        assertThatThrownBy(() -> SqsEvents.queue("q").message(x -> x.attribute("d", "Date", "2026")))
                .hasMessageStartingWith(
                        "attribute 'd' has data type 'Date'; SQS and SNS data types are String, " + "Number or Binary");
    }
}
