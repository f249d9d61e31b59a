package dev.lambdakit.env.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * AWS partitions as the AWS SDK's endpoint metadata defines them (partition id, region pattern, DNS suffix), so
 * ARNs and host names follow the region: {@code arn:aws-cn:...} for {@code cn-north-1}, {@code arn:aws-us-gov:...}
 * for {@code us-gov-west-1}. A region no partition claims is in {@code aws}, as the SDK assumes.
 */
@API(status = INTERNAL, since = "0.1")
public final class Partitions {

    /** A partition: its id (the ARN's second field) and the DNS suffix of its service endpoints. */
    public record Partition(String id, String dnsSuffix, Pattern regions) {}

    // The more specific patterns come first: "us-gov-..." and "us-iso-..." would otherwise look like "us-...".
    private static final List<Partition> ALL = List.of(
            new Partition("aws-us-gov", "amazonaws.com", Pattern.compile("^us-gov-\\w+-\\d+$")),
            new Partition("aws-iso", "c2s.ic.gov", Pattern.compile("^us-iso-\\w+-\\d+$")),
            new Partition("aws-iso-b", "sc2s.sgov.gov", Pattern.compile("^us-isob-\\w+-\\d+$")),
            new Partition("aws-iso-e", "cloud.adc-e.uk", Pattern.compile("^eu-isoe-\\w+-\\d+$")),
            new Partition("aws-iso-f", "csp.hci.ic.gov", Pattern.compile("^us-isof-\\w+-\\d+$")),
            new Partition("aws-eusc", "amazonaws.eu", Pattern.compile("^eusc-de-\\w+-\\d+$")),
            new Partition("aws-cn", "amazonaws.com.cn", Pattern.compile("^cn-\\w+-\\d+$")),
            new Partition("aws", "amazonaws.com", Pattern.compile("^(us|eu|ap|sa|ca|me|af|il|mx)-\\w+-\\d+$")));

    private Partitions() {}

    /** Regions seen so far: few per run, and asked for on every ARN and host name a builder writes. */
    private static final Map<String, Partition> BY_REGION = new ConcurrentHashMap<>();

    /** The partition of the region. */
    public static Partition of(String region) {
        return region == null ? ALL.get(ALL.size() - 1) : BY_REGION.computeIfAbsent(region, Partitions::match);
    }

    private static Partition match(String region) {
        for (Partition p : ALL) {
            if (p.regions().matcher(region).matches()) {
                return p;
            }
        }
        return ALL.get(ALL.size() - 1);
    }

    /** The partition id for ARNs in the region: {@code aws}, {@code aws-cn}, {@code aws-us-gov}, ... */
    public static String id(String region) {
        return of(region).id();
    }

    /** Every partition, the commercial one last. */
    public static List<Partition> all() {
        return ALL;
    }
}
