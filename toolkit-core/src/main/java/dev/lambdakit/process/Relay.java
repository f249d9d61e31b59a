package dev.lambdakit.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * TCP carried over Unix domain sockets, so a container with no network at all still reaches the Runtime API and the
 * test's AWS endpoints, and nothing else: the host side listens on a socket file for each loopback port and
 * connects to that port; inside the container, the runtime's agent listens on the same loopback port and connects
 * to the socket file (bind-mounted). URLs in the function's environment stay as they are.
 */
@org.apiguardian.api.API(status = org.apiguardian.api.API.Status.INTERNAL, since = "0.1")
public final class Relay {

    private Relay() {}

    /** Host side: a socket file in {@code folder} for each port, forwarding to 127.0.0.1 at that port. */
    static AutoCloseable host(Path folder, Iterable<Integer> ports) throws IOException {
        Files.createDirectories(folder);
        List<ServerSocketChannel> servers = new ArrayList<>();
        for (int port : ports) {
            Path file = folder.resolve(port + ".sock");
            Files.deleteIfExists(file);
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(file));
            servers.add(server);
            InetSocketAddress target = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            daemon("lambdakit-relay-" + port, () -> accept(server, () -> SocketChannel.open(target)));
        }
        return () -> {
            for (ServerSocketChannel s : servers) {
                s.close();
            }
        };
    }

    /** Container side: loopback listeners for each port, forwarding to {@code folder/<port>.sock}. */
    static void container(Path folder, String ports) throws IOException {
        for (String p : ports.split(",")) {
            if (p.isBlank()) {
                continue;
            }
            int port = Integer.parseInt(p.trim());
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            UnixDomainSocketAddress target = UnixDomainSocketAddress.of(folder.resolve(port + ".sock"));
            daemon("lambdakit-relay-" + port, () -> accept(server, () -> SocketChannel.open(target)));
        }
    }

    private interface Connector {
        SocketChannel connect() throws IOException;
    }

    private static void accept(ServerSocketChannel server, Connector connector) {
        while (server.isOpen()) {
            try {
                SocketChannel in = server.accept();
                SocketChannel out;
                try {
                    out = connector.connect();
                } catch (IOException e) {
                    close(in); // the other end is gone: the caller sees its connection closed
                    continue;
                }
                // Channels, not their streams: a stream's blocked read would hold the lock its writes need.
                pump(in, out);
                pump(out, in);
            } catch (IOException e) {
                if (!server.isOpen()) {
                    return;
                }
            }
        }
    }

    private static void pump(SocketChannel from, SocketChannel to) {
        daemon("lambdakit-relay-pump", () -> {
            ByteBuffer buf = ByteBuffer.allocate(16384);
            try {
                while (from.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                }
                to.shutdownOutput(); // the other direction may still be talking
            } catch (IOException e) {
                close(from);
                close(to);
            }
        });
    }

    private static void close(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed
        }
    }

    private static void daemon(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }
}
