package consumer;

import static dev.lambdakit.junit.LambdaAssertions.assertThat;

import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import java.util.Map;
import org.junit.jupiter.api.Test;

@LambdaTest(handlerClass = OrderMapper.class)
class EnhancedClientTest {

    @Test
    void beansMapInsideTheFunctionAcrossColdStarts(LambdaFunction fn) {
        assertThat(fn.invoke(Map.of("id", "o-1"))).succeeded().hasPayload("\"o-1x3=3\"");
        fn.forceColdStart();
        assertThat(fn.invoke(Map.of("id", "o-2"))).succeeded().wasColdStart().hasPayload("\"o-2x3=3\"");
    }
}
