package dev.lambdakit.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lambda's content filtering, as event-source mappings apply it to SQS messages. */
class EventFilterTest {

    static Map<String, Object> message(String body) {
        return Map.of(
                "body", body,
                "attributes", Map.of("ApproximateReceiveCount", "1"),
                "messageAttributes", Map.of());
    }

    static boolean matches(String pattern, String body) {
        return EventFilter.of(List.of(pattern)).matches(message(body));
    }

    @Test
    void valuesAndOperatorsMatchJsonBodiesFieldByField() {
        assertThat(matches("{\"body\":{\"type\":[\"order\",\"refund\"]}}", "{\"type\":\"refund\"}"))
                .isTrue();
        assertThat(matches("{\"body\":{\"type\":[\"order\"]}}", "{\"type\":\"refund\"}"))
                .isFalse();
        assertThat(matches("{\"body\":{\"sku\":[{\"prefix\":\"AB-\"}]}}", "{\"sku\":\"AB-12\"}"))
                .isTrue();
        assertThat(matches("{\"body\":{\"file\":[{\"suffix\":\".csv\"}]}}", "{\"file\":\"a.json\"}"))
                .isFalse();
        assertThat(matches("{\"body\":{\"c\":[{\"equals-ignore-case\":\"EU\"}]}}", "{\"c\":\"eu\"}"))
                .isTrue();
        assertThat(matches("{\"body\":{\"t\":[{\"anything-but\":[\"test\"]}]}}", "{\"t\":\"test\"}"))
                .isFalse();
        assertThat(matches("{\"body\":{\"n\":[{\"numeric\":[\">=\",1,\"<\",5]}]}}", "{\"n\":4.5}"))
                .isTrue();
        assertThat(matches("{\"body\":{\"n\":[{\"numeric\":[\">=\",1,\"<\",5]}]}}", "{\"n\":5}"))
                .isFalse();
        assertThat(matches("{\"body\":{\"id\":[{\"exists\":true}]}}", "{\"other\":1}"))
                .isFalse();
        assertThat(matches("{\"body\":{\"id\":[{\"exists\":false}]}}", "{\"other\":1}"))
                .isTrue();
        assertThat(matches("{\"body\":{\"tags\":[\"red\"]}}", "{\"tags\":[\"blue\",\"red\"]}"))
                .isTrue();
        assertThat(matches("{\"body\":{\"a\":{\"b\":[true]}}}", "{\"a\":{\"b\":true}}"))
                .isTrue();
        assertThat(matches("{\"attributes\":{\"ApproximateReceiveCount\":[\"1\"]}}", "x"))
                .isTrue();
    }

    @Test
    void aBodyThatIsNotJsonMatchesOnlyAsAString() {
        assertThat(matches("{\"body\":[\"hello\"]}", "hello")).isTrue();
        assertThat(matches("{\"body\":{\"type\":[\"order\"]}}", "hello")).isFalse();
    }

    @Test
    void anyPatternSufficesAndNoneLetsEverythingThrough() {
        EventFilter two = EventFilter.of(List.of("{\"body\":[\"a\"]}", "{\"body\":[\"b\"]}"));

        assertThat(two.matches(message("b"))).isTrue();
        assertThat(two.matches(message("c"))).isFalse();
        assertThat(EventFilter.of(List.of()).matches(message("c"))).isTrue();
    }

    @Test
    void patternsThatAreNotObjectsOrUseUnknownOperatorsAreRefused() {
        assertThatThrownBy(() -> EventFilter.of(List.of("[1]")))
                .hasMessage("A filter pattern must be a JSON object, but was: [1]");
        assertThatThrownBy(() -> matches("{\"body\":{\"x\":[{\"wildcard\":\"a*\"}]}}", "{\"x\":\"ab\"}"))
                .hasMessageContaining("Filter operator 'wildcard' is not one LambdaKit applies");
    }
}
