package dev.lambdakit.cloud.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdkSupportTest {

    @Test
    void versionsCompareNumerically() {
        assertThat(SdkSupport.compare("2.9.0", "2.28.1")).isNegative();
        assertThat(SdkSupport.compare("2.28.1", "2.28.1")).isZero();
        assertThat(SdkSupport.compare("2.30.0-SNAPSHOT", "2.28.1")).isPositive();
        assertThat(SdkSupport.compare("2.57.8", "2.30")).isPositive();
    }

    @Test
    void theSdkOnThisClassPathIsFound() {
        assertThat(SdkSupport.version()).hasValueSatisfying(v -> assertThat(v).startsWith("2."));
        assertThat(SdkSupport.endpointVariablesIgnored()).isEmpty();
    }

    @Test
    void tooOldForEndpointVariables() {
        assertThatThrownBy(() -> SdkSupport.check("2.25.70", false))
                .hasMessage("The AWS SDK for Java on the test "
                        + "class path is 2.25.70, but LambdaKit's backends need 2.28.1 or newer: its clients read the "
                        + "backend's endpoints from AWS_ENDPOINT_URL_<SERVICE> only from 2.28.1 on, so S3Client.create() in "
                        + "a handler would go to real AWS. Import software.amazon.awssdk:bom 2.28.1 or newer in "
                        + "<dependencyManagement> (at least in the test scope), or use @Replay recordings, which need no "
                        + "backend.");
    }

    @Test
    void tooOldForTheEmbeddedS3Only() {
        assertThatCode(() -> SdkSupport.check("2.29.52", false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> SdkSupport.check("2.29.52", true))
                .hasMessageContaining("need 2.30.0 or newer: the "
                        + "embedded S3 (S3Proxy) calls software.amazon.awssdk.checksums.SdkChecksum");
        assertThatCode(() -> SdkSupport.check("2.30.0", true)).doesNotThrowAnyException();
    }

    @Test
    void noSdkAtAll() {
        assertThatThrownBy(() -> SdkSupport.check(null, true))
                .hasMessageStartingWith(
                        "A test that uses an AWS " + "backend needs the AWS SDK for Java 2.x on the test class path");
    }
}
