package consumer.spring;

import java.util.function.Function;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** A Spring Cloud Function application, deployed with FunctionInvoker as its Lambda handler. */
@SpringBootApplication
public class UppercaseApp {

    @Bean
    public Function<String, String> uppercase() {
        return value -> value.toUpperCase(java.util.Locale.ROOT) + " from " + System.getenv("AWS_LAMBDA_FUNCTION_NAME");
    }
}
