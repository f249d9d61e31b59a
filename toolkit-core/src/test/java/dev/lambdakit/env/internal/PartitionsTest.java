package dev.lambdakit.env.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.events.SqsEvents;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;

class PartitionsTest {

    @Test
    @DisplayName("every region the AWS SDK knows is in the partition the SDK gives it, with the same DNS suffix")
    void agreesWithTheSdk() {
        List<Region> regions = Region.regions().stream()
                .filter(r -> r.metadata() != null && !r.isGlobalRegion())
                .toList();

        assertThat(regions).hasSizeGreaterThan(30);
        assertThat(regions).allSatisfy(r -> {
            assertThat(Partitions.id(r.id()))
                    .as(r.id())
                    .isEqualTo(r.metadata().partition().id());
            assertThat(Partitions.of(r.id()).dnsSuffix())
                    .as(r.id())
                    .isEqualTo(r.metadata().partition().dnsSuffix());
        });
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
        "us-east-1, aws",
        "cn-north-1, aws-cn",
        "us-gov-west-1, aws-us-gov",
        "us-iso-east-1, aws-iso",
        "us-isob-east-1, aws-iso-b",
        "eu-isoe-west-1, aws-iso-e",
        "us-isof-south-1, aws-iso-f",
        "eusc-de-east-1, aws-eusc",
        "ap-southeast-7, aws",
        "local, aws"
    })
    void partitionOfRegion(String region, String partition) {
        assertThat(Partitions.id(region)).isEqualTo(partition);
    }

    @Test
    @DisplayName("events and the function's ARN follow the region's partition")
    void arnsFollowTheRegion() {
        var event = SqsEvents.queue("q").region("cn-north-1").message("m").build();
        assertThat(event.getRecords().get(0).getEventSourceArn()).isEqualTo("arn:aws-cn:sqs:cn-north-1:123456789012:q");

        FunctionConfig config = FunctionConfig.builder()
                .handler("dev.lambdakit.env.internal.PartitionsTest$Arn::handle")
                .region("us-gov-west-1")
                .build();
        try (LambdaFunction fn = LambdaFunction.create(config)) {
            assertThat(fn.invoke("{}", String.class).output())
                    .startsWith("arn:aws-us-gov:lambda:us-gov-west-1:")
                    .endsWith(":function:" + config.functionName());
        }
    }

    /** Answers with the ARN the runtime gave the handler. */
    public static final class Arn {
        public String handle(java.util.Map<String, Object> in, com.amazonaws.services.lambda.runtime.Context context) {
            return context.getInvokedFunctionArn();
        }
    }
}
