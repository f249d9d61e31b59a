package dev.lambdakit.env;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.env.internal.EnvScope;
import dev.lambdakit.env.internal.EnvironmentOverlay;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EnvironmentOverlayTest {

    private static Map<String, String> with(String k, String v) {
        Map<String, String> m = new HashMap<>();
        m.put(k, v);
        return m;
    }

    @Test
    void aBoundThreadSeesItsVariablesThroughEveryView() {
        Map<String, String> before = new HashMap<>(System.getenv());
        try (EnvScope scope = EnvironmentOverlay.open(Map.of("LK_TEST_A", "1"));
                EnvScope.Binding ignored = scope.bind()) {
            assertThat(System.getenv("LK_TEST_A")).isEqualTo("1");
            assertThat(System.getenv()).containsEntry("LK_TEST_A", "1");
            assertThat(System.getenv().containsKey("LK_TEST_A")).isTrue();
            assertThat(System.getenv().keySet()).contains("LK_TEST_A");
            // a scope is a whole environment, as a Lambda process has one: nothing of the JVM's leaks in
            assertThat(System.getenv()).containsOnlyKeys("LK_TEST_A");
            assertThat(System.getenv().getOrDefault("LK_TEST_MISSING", "d")).isEqualTo("d");
        }
        assertThat(System.getenv("LK_TEST_A")).isNull();
        assertThat(System.getenv()).isEqualTo(before);
        assertThat(EnvironmentOverlay.isInstalled()).isFalse();
    }

    @Test
    void nullValuesHideRealVariables() {
        String real = System.getenv().keySet().iterator().next();
        try (EnvScope scope = EnvironmentOverlay.open(with(real, null));
                EnvScope.Binding ignored = scope.bind()) {
            assertThat(System.getenv(real)).isNull();
            assertThat(System.getenv()).doesNotContainKey(real);
        }
        assertThat(System.getenv(real)).isNotNull();
    }

    @Test
    void withOneEnvironmentOpenEveryThreadSeesItAndChildThreadsInherit() throws Exception {
        AtomicReference<String> other = new AtomicReference<>("unset");
        AtomicReference<String> child = new AtomicReference<>("unset");
        try (EnvScope scope = EnvironmentOverlay.open(Map.of("LK_TEST_B", "b"))) {
            Thread outsider = new Thread(() -> other.set(System.getenv("LK_TEST_B")));
            outsider.start();
            outsider.join();
            try (EnvScope.Binding ignored = scope.bind()) {
                Thread inheritor = new Thread(() -> child.set(System.getenv("LK_TEST_B")));
                inheritor.start();
                inheritor.join();
            }
        }
        assertThat(other.get()).isEqualTo("b");
        assertThat(child.get()).isEqualTo("b");
    }

    @Test
    void withTwoDifferentEnvironmentsOpenAnUnboundThreadSeesNeitherAndNoAwsIdentity() throws Exception {
        AtomicReference<Map<String, String>> other = new AtomicReference<>();
        try (EnvScope a = EnvironmentOverlay.open(Map.of("LK_TEST_D", "a", "AWS_ACCESS_KEY_ID", "ASIAA"));
                EnvScope b = EnvironmentOverlay.open(Map.of("LK_TEST_D", "b", "AWS_ACCESS_KEY_ID", "ASIAB"))) {
            Thread outsider = new Thread(() -> other.set(new HashMap<>(System.getenv())));
            outsider.start();
            outsider.join();
        }
        assertThat(other.get())
                .doesNotContainKeys("LK_TEST_D", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
                .containsEntry("AWS_EC2_METADATA_DISABLED", "true")
                .containsKey("AWS_SHARED_CREDENTIALS_FILE");
        assertThat(other.get().keySet()).allSatisfy(name -> assertThat(name).doesNotStartWith("AWS_ACCESS"));
    }

    @Test
    void aClosedScopeIsIgnoredByThreadsThatInheritedIt() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>("unset");
        EnvScope outer = EnvironmentOverlay.open(Map.of("LK_TEST_OUTER", "keep"));
        try (EnvScope.Binding ignored = outer.bind()) {
            EnvScope scope = EnvironmentOverlay.open(Map.of("LK_TEST_C", "c"));
            Thread late;
            try (EnvScope.Binding b = scope.bind()) {
                late = new Thread(() -> {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                    seen.set(System.getenv("LK_TEST_C"));
                });
                late.start();
            }
            scope.close();
            late.join();
        } finally {
            outer.close();
        }
        assertThat(seen.get()).isNull();
    }

    @Test
    void childLayersFallBackToTheirParent() {
        try (EnvScope scope = EnvironmentOverlay.open(Map.of("LK_TEST_D", "d", "LK_TEST_E", "e"))) {
            EnvScope child = scope.child(Map.of("LK_TEST_E", "child"));
            try (EnvScope.Binding ignored = child.bind()) {
                assertThat(System.getenv("LK_TEST_D")).isEqualTo("d");
                assertThat(System.getenv("LK_TEST_E")).isEqualTo("child");
            }
            scope.replace(Map.of("LK_TEST_D", "replaced"));
            try (EnvScope.Binding ignored = child.bind()) {
                assertThat(System.getenv("LK_TEST_D")).isEqualTo("replaced");
            }
        }
    }
}
