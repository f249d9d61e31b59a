package dev.lambdakit.benchmarks;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.EmbeddedBackend;
import dev.lambdakit.cloud.LocalStackBackend;
import dev.lambdakit.cloud.TestResources;

/**
 * Backend start-up in a fresh JVM: embedded S3 and SQS until ready, and the first request to each (SDK cold path
 * included); LocalStack where Docker runs. Run several times by the benchmark script, one JVM each.
 */
public final class BackendStartup {

    private BackendStartup() {}

    public static void main(String[] args) {
        long t = System.nanoTime();
        EmbeddedBackend backend = EmbeddedBackend.shared();
        backend.endpoint(AwsService.S3);
        backend.endpoint(AwsService.SQS);
        double ready = (System.nanoTime() - t) / 1e6;
        try (TestResources resources = new TestResources(backend)) {
            long s3 = System.nanoTime();
            resources.s3().listBuckets();
            double s3First = (System.nanoTime() - s3) / 1e6;
            long sqs = System.nanoTime();
            resources.sqs().listQueues();
            double sqsFirst = (System.nanoTime() - sqs) / 1e6;
            System.out.printf(
                    "BACKEND embedded S3+SQS ready %.0f ms, first S3 request %.0f ms, first SQS request %.0f ms%n",
                    ready, s3First, sqsFirst);
        }
        if (LocalStackBackend.dockerAvailable()) {
            long l = System.nanoTime();
            try {
                LocalStackBackend.shared().endpoint(AwsService.S3);
                System.out.printf("BACKEND localstack ready %.0f ms%n", (System.nanoTime() - l) / 1e6);
            } catch (LinkageError | RuntimeException e) {
                // the benchmarks jar leaves testcontainers-localstack out; say so rather than end the whole run
                System.out.println("BACKEND localstack skipped: " + e);
            }
        } else {
            System.out.println("BACKEND localstack skipped: no Docker engine answers here");
        }
        backend.stopAll();
        System.exit(0);
    }
}
