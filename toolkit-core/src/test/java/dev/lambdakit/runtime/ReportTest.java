package dev.lambdakit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.lambdakit.function.Architecture;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void warmReportLineHasLambdasFormat() {
        Report report = new Report("id-1", 38.661, OptionalDouble.empty(), 128, 54, 1000, Architecture.X86_64);

        assertThat(report.toLogLine())
                .isEqualTo("REPORT RequestId: id-1\tDuration: 38.66 ms\tBilled Duration: 39 ms"
                        + "\tMemory Size: 128 MB\tMax Memory Used: 54 MB\t");
        assertThat(report.coldStart()).isFalse();
    }

    @Test
    void coldReportBillsTheInitToo() {
        Report report = new Report("id-2", 10.2, OptionalDouble.of(203.69), 512, 80, -1, Architecture.X86_64);

        assertThat(report.toLogLine()).endsWith("\tInit Duration: 203.69 ms\t");
        assertThat(report.billedDurationMillis()).isEqualTo(214);
        assertThat(report.coldStart()).isTrue();
    }

    @Test
    void billedDurationRoundsUpToTheMillisecond() {
        assertThat(new Report("r", 0.01, OptionalDouble.empty(), 128, 1, 0, Architecture.ARM64).billedDurationMillis())
                .isEqualTo(1);
        assertThat(new Report("r", 100.0, OptionalDouble.empty(), 128, 1, 0, Architecture.ARM64).billedDurationMillis())
                .isEqualTo(100);
    }

    @Test
    void costIsTheRequestPlusGigabyteSecondsAtTheArchitecturesPrice() {
        Report x86 = new Report("r", 1000, OptionalDouble.empty(), 1024, 1, 0, Architecture.X86_64);
        Report arm = new Report("r", 1000, OptionalDouble.empty(), 1024, 1, 0, Architecture.ARM64);

        assertThat(x86.costUsd()).isCloseTo(0.0000002 + 0.0000166667, within(1e-12));
        assertThat(arm.costUsd()).isCloseTo(0.0000002 + 0.0000133334, within(1e-12));
    }
}
