package dev.lambdakit.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdakit.template.SamTemplate;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

class TemplateResourcesTest {

    static SamTemplate orders() throws URISyntaxException {
        return SamTemplate.load(Path.of(TemplateResourcesTest.class
                        .getResource("/templates/orders.yaml")
                        .toURI()))
                .withParameter("ApiKey", "k")
                .withStackName("resources-test");
    }

    @Test
    void createsTheTemplatesQueuesTablesAndBucketsUnderTheirNamesAndRemovesThem() throws Exception {
        TestResources resources = new TestResources(EmbeddedBackend.shared());
        List<String> report;
        try {
            report = TemplateResources.create(
                    orders(), resources, List.of(AwsService.S3, AwsService.SQS, AwsService.DYNAMODB));

            TableDescription table = resources
                    .dynamoDb()
                    .describeTable(r -> r.tableName("orders-dev"))
                    .table();
            assertThat(table.keySchema()).singleElement().satisfies(k -> {
                assertThat(k.attributeName()).isEqualTo("id");
                assertThat(k.keyType()).isEqualTo(KeyType.HASH);
            });
            String url = resources
                    .sqs()
                    .getQueueUrl(r -> r.queueName("resources-test-OrdersQueue"))
                    .queueUrl();
            assertThat(resources
                            .sqs()
                            .getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                            .attributes())
                    .containsValue("arn:aws:sqs:us-east-1:000000000000:resources-test-OrdersQueue");
            resources.s3().headBucket(r -> r.bucket("resources-test-receipts"));
        } finally {
            resources.close();
        }

        assertThat(report)
                .containsExactly(
                        "AWS::DynamoDB::Table OrdersTable as orders-dev",
                        "AWS::SQS::Queue OrdersQueue as resources-test-OrdersQueue",
                        "AWS::S3::Bucket Receipts as resources-test-receipts",
                        "AWS::SNS::Topic Notifications as order-events: not created, the test does not use SNS");
        try (TestResources after = new TestResources(EmbeddedBackend.shared())) {
            assertThatThrownBy(() -> after.dynamoDb().describeTable(r -> r.tableName("orders-dev")))
                    .isInstanceOf(ResourceNotFoundException.class);
            assertThatThrownBy(() -> after.sqs().getQueueUrl(r -> r.queueName("resources-test-OrdersQueue")))
                    .isInstanceOf(QueueDoesNotExistException.class);
        }
    }

    @Test
    void onlyTheTestsServicesGetResources() throws Exception {
        try (TestResources resources = new TestResources(EmbeddedBackend.shared())) {
            List<String> report = TemplateResources.create(orders(), resources, List.of(AwsService.SQS));

            assertThat(report)
                    .filteredOn(line -> !line.contains("not created"))
                    .containsExactly("AWS::SQS::Queue OrdersQueue as resources-test-OrdersQueue");
        }
    }
}
