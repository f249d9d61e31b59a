package dev.lambdakit.function;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HandlerReferenceTest {

    @Test
    void splitsOnTheLastDoubleColon() {
        HandlerReference ref = HandlerReference.of("a.b.C::x::handle");

        assertThat(ref.className()).contains("a.b.C::x");
        assertThat(ref.methodName()).contains("handle");
    }

    @Test
    void aClassAloneHasNoMethod() {
        HandlerReference ref = HandlerReference.of("a.b.C");

        assertThat(ref.methodName()).isEmpty();
        assertThat(ref.handlerString()).isEqualTo("a.b.C");
    }

    @Test
    void instanceHandlersHaveAFactoryAndAPlaceholderName() {
        HandlerReference ref = HandlerReference.ofInstance(Object::new, "run");

        assertThat(ref.factory()).isPresent();
        assertThat(ref.className()).isEmpty();
        assertThat(ref.handlerString()).isEqualTo("<instance>::run");
    }
}
