package dev.lambdakit.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SettingsTest {

    @AfterEach
    void noFrameworkSource() {
        Settings.useFrameworkSource(key -> Optional.empty());
        System.clearProperty("lambdakit.test.setting");
    }

    @Test
    void variableNames() {
        assertThat(Settings.variableName("lambdakit.backend")).isEqualTo("LAMBDAKIT_BACKEND");
        assertThat(Settings.variableName("lambdakit.allowRealAws")).isEqualTo("LAMBDAKIT_ALLOW_REAL_AWS");
        assertThat(Settings.variableName("lambdakit.dynalite.home")).isEqualTo("LAMBDAKIT_DYNALITE_HOME");
    }

    @Test
    void aSystemPropertyBeatsAFrameworkParameter() {
        Settings.useFrameworkSource(key ->
                Optional.ofNullable(Map.of("lambdakit.test.setting", " junit ").get(key)));
        assertThat(Settings.get("lambdakit.test.setting")).hasValue("junit");
        System.setProperty("lambdakit.test.setting", "property");
        assertThat(Settings.get("lambdakit.test.setting")).hasValue("property");
        System.setProperty("lambdakit.test.setting", " ");
        assertThat(Settings.get("lambdakit.test.setting")).hasValue("junit");
    }

    @Test
    void unsetIsEmptyAndFalse() {
        assertThat(Settings.get("lambdakit.test.setting")).isEmpty();
        assertThat(Settings.isTrue("lambdakit.test.setting")).isFalse();
    }
}
