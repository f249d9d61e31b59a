package dev.lambdakit.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * The instruction set a function is configured for. It changes what the function costs, not how it runs here.
 *
 * <pre>{@code
 * FunctionConfig.builder().handler("pkg.Handler").architecture(Architecture.ARM64).build();
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public enum Architecture {
    /** {@code x86_64}, Lambda's default. */
    X86_64("x86_64", 0.0000166667),
    /** {@code arm64} (Graviton), about 20 % cheaper per GB-second. */
    ARM64("arm64", 0.0000133334);

    private final String awsName;
    private final double pricePerGbSecond;

    Architecture(String awsName, double pricePerGbSecond) {
        this.awsName = awsName;
        this.pricePerGbSecond = pricePerGbSecond;
    }

    /** The name Lambda's API uses: {@code x86_64} or {@code arm64}. */
    public String awsName() {
        return awsName;
    }

    /** US East (N. Virginia) duration price, first pricing tier, in US dollars per GB-second. */
    public double pricePerGbSecond() {
        return pricePerGbSecond;
    }
}
