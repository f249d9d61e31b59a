package consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ActiveMQEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.KinesisTimeWindowEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.lambdakit.events.CognitoAuthEvents;
import dev.lambdakit.events.KinesisEvents;
import dev.lambdakit.events.MqEvents;
import dev.lambdakit.events.SqsEvents;
import dev.lambdakit.junit.LambdaTest;
import dev.lambdakit.runtime.LambdaFunction;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Builders added for more triggers, used as the README shows, delivered to handlers through the runtime. */
@LambdaTest(handler = "consumer.NewTriggersTest$Count::handle")
class NewTriggersTest {

    /** Counts what it received, whatever the event. */
    public static class Count {
        public int handle(Map<String, Object> event) {
            return event.size();
        }
    }

    @Test
    void newBuildersMakeTheEventsLibrarysObjects(LambdaFunction fn) {
        ActiveMQEvent mq = MqEvents.activeMq("broker").textMessage("orders", "{}").build();
        CognitoUserPoolDefineAuthChallengeEvent define = CognitoAuthEvents.defineAuthChallenge("jane")
                .challenge("SRP_A", true)
                .build();
        KinesisTimeWindowEvent window = KinesisEvents.stream("clicks")
                .record("p", "x")
                .tumblingWindow(Duration.ofMinutes(1))
                .finalInvoke()
                .build();
        SQSEvent typed = SqsEvents.queue("q")
                .message(m -> m.body("b").attribute("n", 42).attribute("blob", new byte[] {1}))
                .build();

        assertThat(mq.getMessages().get(0).getDestination().getPhysicalName()).isEqualTo("orders");
        assertThat(define.getRequest().getSession()).hasSize(1);
        assertThat(window.getIsFinalInvokeForWindow()).isTrue();
        assertThat(typed.getRecords().get(0).getMessageAttributes().get("n").getDataType()).isEqualTo("Number");
        assertThat(fn.invoke(MqEvents.activeMq("broker").textMessage("q", "x").toJson()).output())
                .isEqualTo(3);
    }
}
