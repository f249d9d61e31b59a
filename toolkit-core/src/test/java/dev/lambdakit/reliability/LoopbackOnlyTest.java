package dev.lambdakit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.cloud.AwsService;
import dev.lambdakit.cloud.EmbeddedBackend;
import dev.lambdakit.function.FunctionConfig;
import dev.lambdakit.process.RuntimeApiServer;
import dev.lambdakit.replay.Recording;
import dev.lambdakit.replay.RecordingBackend;
import dev.lambdakit.server.HttpFront;
import dev.lambdakit.server.LambdaService;
import dev.lambdakit.testhandlers.Handlers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Every server LambdaKit starts listens on 127.0.0.1 only, as the kernel's socket table shows. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "reads the kernel's socket table in /proc/net/tcp")
class LoopbackOnlyTest {

    /** Local addresses (hex, as /proc/net/tcp writes them) of sockets listening on {@code port}. */
    static List<String> listeners(int port) throws IOException {
        List<String> found = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path p = Path.of(table);
            if (!Files.exists(p)) {
                continue;
            }
            for (String line : Files.readAllLines(p)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[3].equals("0A") && f[1].endsWith(":" + String.format("%04X", port))) {
                    found.add(f[1].substring(0, f[1].indexOf(':')));
                }
            }
        }
        return found;
    }

    static void loopbackOnly(String what, int port) throws IOException {
        // 127.0.0.1, or the same address as an IPv4-mapped IPv6 socket (::ffff:127.0.0.1).
        assertThat(listeners(port))
                .as("%s on port %d", what, port)
                .isNotEmpty()
                .allMatch(a -> a.equals("0100007F") || a.equals("0000000000000000FFFF00000100007F"));
    }

    @Test
    @DisplayName("the Lambda service, HTTP front, Runtime API, replay proxies and embedded emulators")
    void everyServer(@TempDir Path dir) throws IOException {
        try (LambdaService service = LambdaService.builder()
                        .function(FunctionConfig.builder()
                                .functionName("f")
                                .handler(Handlers.Echo.class)
                                .build())
                        .start();
                HttpFront front = HttpFront.start(service.function("f"), HttpFront.PayloadFormat.V2);
                RuntimeApiServer api = RuntimeApiServer.start()) {
            loopbackOnly("Lambda service", service.endpoint().getPort());
            loopbackOnly("HTTP front", front.uri().getPort());
            loopbackOnly("Runtime API", Integer.parseInt(api.address().split(":")[1]));
        }
        Path file = dir.resolve("r.json");
        new Recording().save(file);
        try (RecordingBackend replay = RecordingBackend.replay(file)) {
            loopbackOnly("replay proxy", replay.endpoint(AwsService.S3).getPort());
        }
        loopbackOnly(
                "embedded S3", EmbeddedBackend.shared().endpoint(AwsService.S3).getPort());
        loopbackOnly(
                "embedded SQS",
                EmbeddedBackend.shared().endpoint(AwsService.SQS).getPort());
        if (EmbeddedBackend.shared().supports(AwsService.DYNAMODB)) {
            loopbackOnly(
                    "dynalite",
                    EmbeddedBackend.shared().endpoint(AwsService.DYNAMODB).getPort());
        }
    }
}
