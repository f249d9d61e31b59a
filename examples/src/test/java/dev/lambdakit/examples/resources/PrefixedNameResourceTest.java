package dev.lambdakit.examples.resources;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.events.CloudFormationEvents;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.server.CustomResourceResponses;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The custom resource's three requests, each answered on its ResponseURL, as CloudFormation would read them. */
@LambdaTest(handlerClass = PrefixedNameResource.class)
class PrefixedNameResourceTest {

    private final CustomResourceResponses responses = CustomResourceResponses.start();

    @AfterEach
    void stop() {
        responses.close();
    }

    @Test
    void createNamesTheResourceAndHandsTheNameBack(LambdaFunction fn) {
        assertThat(fn.invoke(CloudFormationEvents.customResource("Custom::PrefixedName")
                        .logicalResourceId("OrdersTable")
                        .property("Prefix", "prod")
                        .responseUrl(responses.url())
                        .build()))
                .succeeded();

        CustomResourceResponses.Response answer = responses.only();
        assertThat(answer.problems()).isEmpty();
        assertThat(answer.status()).isEqualTo("SUCCESS");
        assertThat(answer.physicalResourceId()).isEqualTo("prod-orderstable");
        assertThat(answer.data()).isEqualTo(Map.of("Name", "prod-orderstable"));
        assertThat(answer.logicalResourceId()).isEqualTo("OrdersTable");
    }

    @Test
    void aMissingPropertyFailsTheStackWithAReasonInsteadOfLeavingItWaiting(LambdaFunction fn) {
        fn.invoke(CloudFormationEvents.customResource("Custom::PrefixedName")
                .responseUrl(responses.url())
                .build());

        CustomResourceResponses.Response answer = responses.only();
        assertThat(answer.problems()).isEmpty();
        assertThat(answer.status()).isEqualTo("FAILED");
        assertThat(answer.reason()).startsWith("the Prefix property is required");
    }

    @Test
    void deleteKeepsThePhysicalId(LambdaFunction fn) {
        fn.invoke(CloudFormationEvents.customResource("Custom::PrefixedName")
                .delete("prod-orderstable")
                .property("Prefix", "prod")
                .responseUrl(responses.url())
                .build());

        CustomResourceResponses.Response answer = responses.only();
        assertThat(answer.status()).isEqualTo("SUCCESS");
        assertThat(answer.physicalResourceId()).isEqualTo("prod-orderstable");
    }
}
