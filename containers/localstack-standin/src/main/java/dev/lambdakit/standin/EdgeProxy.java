package dev.lambdakit.standin;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * LocalStack's edge port: one HTTP/1.1 port for every service, each request forwarded to the emulator of the service
 * it addresses (from {@code X-Amz-Target}, else the SigV4 credential scope, else S3, as LocalStack decides). Bodies
 * stream through with their own framing; an emulator's own address in a response (SQS queue URLs) is replaced by the
 * one the client used.
 */
final class EdgeProxy implements AutoCloseable {

    private final ServerSocket server;
    private final Function<String, URI> backends;
    private final Function<String, byte[]> localEndpoints;

    /**
     * @param backends       service name ({@code s3}, {@code sqs}, {@code dynamodb}) to the emulator's address, or
     *                       null when the stand-in does not serve it
     * @param localEndpoints path to a response body for LocalStack's own endpoints ({@code /_localstack/health}),
     *                       or null
     */
    EdgeProxy(int port, Function<String, URI> backends, Function<String, byte[]> localEndpoints) throws IOException {
        this.server = new ServerSocket();
        this.server.bind(new InetSocketAddress("0.0.0.0", port), 128);
        this.backends = backends;
        this.localEndpoints = localEndpoints;
        Thread acceptor = new Thread(this::accept, "edge-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> serve(client), "edge-" + client.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("edge: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Map<String, Socket> upstreams = new HashMap<>();
        try (client) {
            InputStream in = new BufferedInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                Head request = Head.read(in);
                if (request == null) {
                    return;
                }
                String path = request.startLine().split(" ")[1];
                byte[] local = localEndpoints.apply(path.split("\\?")[0]);
                if (local != null) {
                    skipBody(in, request);
                    writeResponse(out, "200 OK", "application/json", local);
                    continue;
                }
                String service = serviceOf(request, path);
                URI backend = backends.apply(service);
                if (backend == null) {
                    skipBody(in, request);
                    writeResponse(
                            out,
                            "501 Not Implemented",
                            "application/json",
                            ("{\"__type\":\"InternalFailure\","
                                            + "\"message\":\"the LambdaKit LocalStack stand-in does not serve "
                                            + service + "\"}")
                                    .getBytes(StandardCharsets.UTF_8));
                    continue;
                }
                Socket upstream = upstreams.get(service);
                if (upstream == null || upstream.isClosed()) {
                    upstream = new Socket(backend.getHost(), backend.getPort());
                    upstreams.put(service, upstream);
                }
                if ("100-continue".equalsIgnoreCase(request.header("expect"))) {
                    // Answer the client at once and send the emulator a plain request.
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    request = request.without("expect");
                }
                OutputStream up = upstream.getOutputStream();
                up.write(request.bytes());
                copyBody(in, up, request);
                up.flush();
                InputStream upIn = new BufferedInputStream(upstream.getInputStream());
                Head response = Head.read(upIn);
                if (response == null) {
                    return;
                }
                String method = request.startLine().split(" ")[0];
                String host = request.header("host");
                String internal = "http://" + backend.getHost() + ":" + backend.getPort();
                if (service.equals("sqs") && host != null && response.header("content-length") != null) {
                    byte[] body = readFixed(upIn, Long.parseLong(response.header("content-length")));
                    byte[] rewritten = new String(body, StandardCharsets.UTF_8)
                            .replace(internal, "http://" + host)
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(response.with("content-length", Integer.toString(rewritten.length))
                            .bytes());
                    out.write(rewritten);
                } else {
                    out.write(response.bytes());
                    if (!method.equals("HEAD") && hasBody(response)) {
                        copyBody(upIn, out, response);
                    }
                }
                out.flush();
                boolean framedByClose = hasBody(response)
                        && !method.equals("HEAD")
                        && response.header("content-length") == null
                        && !"chunked".equalsIgnoreCase(response.header("transfer-encoding"));
                if (framedByClose) {
                    return;
                }
                if ("close".equalsIgnoreCase(response.header("connection"))) {
                    upstream.close();
                }
            }
        } catch (IOException e) {
            // The client or the emulator went away; the next request opens a new connection.
        } finally {
            for (Socket s : upstreams.values()) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }

    /** The service a request addresses, as LocalStack's router tells it. */
    static String serviceOf(Head request, String path) {
        String target = request.header("x-amz-target");
        if (target != null) {
            if (target.startsWith("AmazonSQS")) {
                return "sqs";
            }
            if (target.startsWith("DynamoDB")) {
                return "dynamodb";
            }
            if (target.startsWith("Kinesis")) {
                return "kinesis";
            }
        }
        String scope = request.header("authorization");
        if (scope == null && path.contains("X-Amz-Credential=")) {
            scope = java.net.URLDecoder.decode(
                    path.substring(path.indexOf("X-Amz-Credential=")), StandardCharsets.UTF_8);
        }
        if (scope != null && scope.contains("Credential=")) {
            String[] parts = scope.substring(scope.indexOf("Credential=") + 11).split("[/,& ]");
            if (parts.length >= 4) {
                return parts[3].toLowerCase(Locale.ROOT);
            }
        }
        return "s3";
    }

    private static boolean hasBody(Head response) {
        int status = Integer.parseInt(response.startLine().split(" ")[1]);
        return status >= 200 && status != 204 && status != 304;
    }

    private static void skipBody(InputStream in, Head head) throws IOException {
        copyBody(in, OutputStream.nullOutputStream(), head);
    }

    /** Copies one message body, framed by Content-Length or chunked encoding, byte for byte. */
    private static void copyBody(InputStream in, OutputStream out, Head head) throws IOException {
        if ("chunked".equalsIgnoreCase(head.header("transfer-encoding"))) {
            while (true) {
                String sizeLine = readLine(in);
                out.write((sizeLine + "\r\n").getBytes(StandardCharsets.US_ASCII));
                int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = readLine(in);
                        out.write((trailer + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    } while (!trailer.isEmpty());
                    return;
                }
                out.write(readFixed(in, size + 2L));
            }
        }
        String length = head.header("content-length");
        if (length != null) {
            long remaining = Long.parseLong(length);
            byte[] buf = new byte[16384];
            while (remaining > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
                if (n < 0) {
                    throw new IOException("connection closed in a body");
                }
                out.write(buf, 0, n);
                remaining -= n;
            }
        } else if (head.startLine().startsWith("HTTP/")) {
            // A response framed by the end of the connection.
            in.transferTo(out);
        }
    }

    private static byte[] readFixed(InputStream in, long n) throws IOException {
        byte[] b = in.readNBytes((int) n);
        if (b.length != n) {
            throw new IOException("connection closed in a body");
        }
        return b;
    }

    static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        if (line.size() == 0) {
            return null;
        }
        throw new IOException("connection closed in a line");
    }

    private static void writeResponse(OutputStream out, String status, String type, byte[] body) throws IOException {
        out.write(
                ("HTTP/1.1 " + status + "\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    /** A request or response head: the start line and the header lines, in order. */
    record Head(String startLine, List<String[]> headers) {
        static Head read(InputStream in) throws IOException {
            String start = readLine(in);
            while (start != null && start.isEmpty()) {
                start = readLine(in);
            }
            if (start == null) {
                return null;
            }
            List<String[]> headers = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                headers.add(new String[] {
                    line.substring(0, colon), line.substring(colon + 1).trim()
                });
            }
            return new Head(start, headers);
        }

        String header(String name) {
            for (String[] h : headers) {
                if (h[0].equalsIgnoreCase(name)) {
                    return h[1];
                }
            }
            return null;
        }

        Head without(String name) {
            List<String[]> kept = new ArrayList<>(headers);
            kept.removeIf(h -> h[0].equalsIgnoreCase(name));
            return new Head(startLine, kept);
        }

        Head with(String name, String value) {
            Head h = without(name);
            h.headers().add(new String[] {name, value});
            return h;
        }

        byte[] bytes() {
            StringBuilder sb = new StringBuilder(startLine).append("\r\n");
            for (String[] h : headers) {
                sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
            }
            return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
