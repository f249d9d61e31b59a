package dev.lambdakit.cloud;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * A test asked a backend for a service it cannot serve here; the message names the service, the backend, and what
 * would serve it. JUnit tests fail with this message: a test that needs the service cannot pass without it.
 *
 * <pre>{@code
 * try {
 *     backend.endpoint(AwsService.SNS);
 * } catch (ServiceUnavailableException e) {
 *     System.out.println(e.getMessage());
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.1")
public class ServiceUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final AwsService service;

    public ServiceUnavailableException(AwsService service, String message) {
        super(message);
        this.service = service;
    }

    public ServiceUnavailableException(AwsService service, String message, Throwable cause) {
        super(message, cause);
        this.service = service;
    }

    public AwsService service() {
        return service;
    }
}
