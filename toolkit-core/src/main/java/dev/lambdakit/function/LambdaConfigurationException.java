package dev.lambdakit.function;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A function configuration Lambda would refuse: the message names the field, the value and what is valid.
 *
 * <pre>{@code
 * try {
 *     FunctionConfig.builder().handler("pkg.Handler").memoryMb(64).build();
 * } catch (LambdaConfigurationException e) {
 *     assert e.field().equals("memoryMb");
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class LambdaConfigurationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public LambdaConfigurationException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The configuration field that was wrong, for example {@code memory} or {@code environment}. */
    public String field() {
        return field;
    }
}
