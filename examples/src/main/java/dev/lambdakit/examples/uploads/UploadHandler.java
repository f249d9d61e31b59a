package dev.lambdakit.examples.uploads;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;

/**
 * Triggered by uploads to a bucket: copies each new image into the bucket named by {@code ARCHIVE_BUCKET}, under the
 * same key, and ignores deletions and other files. Returns the keys it archived.
 */
public class UploadHandler implements RequestHandler<S3Event, List<String>> {

    private final S3Client s3;
    private final String archiveBucket;

    public UploadHandler() {
        this(S3Client.create(), System.getenv("ARCHIVE_BUCKET"));
    }

    public UploadHandler(S3Client s3, String archiveBucket) {
        this.s3 = s3;
        this.archiveBucket = archiveBucket;
    }

    @Override
    public List<String> handleRequest(S3Event event, Context context) {
        List<String> archived = new ArrayList<>();
        for (S3EventNotification.S3EventNotificationRecord record : event.getRecords()) {
            if (!record.getEventName().startsWith("ObjectCreated:")) {
                continue;
            }
            // S3 sends keys URL-encoded (a space arrives as '+'): decode before using them.
            String key = URLDecoder.decode(record.getS3().getObject().getKey(), StandardCharsets.UTF_8);
            String lower = key.toLowerCase(Locale.ROOT);
            if (!(lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png"))) {
                continue;
            }
            s3.copyObject(CopyObjectRequest.builder()
                    .sourceBucket(record.getS3().getBucket().getName())
                    .sourceKey(key)
                    .destinationBucket(archiveBucket)
                    .destinationKey(key)
                    .build());
            archived.add(key);
        }
        return archived;
    }
}
