package dev.lambdakit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JupiterVersionTests {

    @Test
    void supportedVersionsPass() {
        assertThat(JupiterVersion.refusal("5.10.0")).isNull();
        assertThat(JupiterVersion.refusal("5.14.1")).isNull();
        assertThat(JupiterVersion.refusal("6.1.3")).isNull();
        assertThat(JupiterVersion.refusal(null)).isNull();
        assertThat(JupiterVersion.refusal("unknown")).isNull();
    }

    @Test
    void olderVersionsAreRefusedWithTheFix() {
        assertThat(JupiterVersion.refusal("5.9.3"))
                .startsWith("LambdaKit needs JUnit Jupiter 5.10 or newer (5.10 to "
                        + "6.x), but junit-jupiter-api 5.9.3 is on the test class path.")
                .contains("junit-bom");
        assertThat(JupiterVersion.refusal("5.8.2-M1")).contains("5.8.2-M1");
    }

    @Test
    void thisBuildsJUnitIsSupported() {
        JupiterVersion.check();
        assertThat(JupiterVersion.refusal(org.junit.jupiter.api.extension.ExtensionContext.class
                        .getPackage()
                        .getImplementationVersion()))
                .isNull();
    }
}
