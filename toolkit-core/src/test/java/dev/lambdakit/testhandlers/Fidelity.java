package dev.lambdakit.testhandlers;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Handlers the runtime fidelity suite runs in every execution: each exercises one thing the runtimes must agree on. */
public final class Fidelity {

    private Fidelity() {}

    /** A POJO in and out, as the runtime's serializer reads and writes it. */
    public static class Order {
        private String sku;
        private int quantity;

        public String getSku() {
            return sku;
        }

        public void setSku(String sku) {
            this.sku = sku;
        }

        public int getQuantity() {
            return quantity;
        }

        public void setQuantity(int quantity) {
            this.quantity = quantity;
        }
    }

    public static class Receipt {
        private String orderSku;
        private int total;

        public String getOrderSku() {
            return orderSku;
        }

        public void setOrderSku(String orderSku) {
            this.orderSku = orderSku;
        }

        public int getTotal() {
            return total;
        }

        public void setTotal(int total) {
            this.total = total;
        }
    }

    /** Logs through the logger twice without newlines, and leaves a standard-output line open. */
    public static class Orders implements RequestHandler<Order, Receipt> {
        @Override
        public Receipt handleRequest(Order order, Context context) {
            context.getLogger().log("received " + order.getSku());
            context.getLogger().log("pricing");
            System.out.print("open line");
            Receipt receipt = new Receipt();
            receipt.setOrderSku(order.getSku());
            receipt.setTotal(order.getQuantity() * 5);
            return receipt;
        }
    }

    public static class Upper implements RequestStreamHandler {
        @Override
        public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
            out.write(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .toUpperCase(Locale.ROOT)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    public static class Rejecting {
        public String reject(String input) {
            throw new IllegalStateException("order rejected", new IllegalArgumentException("bad sku " + input));
        }
    }

    public static class Refusing implements RequestHandler<Order, Receipt> {
        @Override
        public Receipt handleRequest(Order order, Context context) {
            throw new UnsupportedOperationException("no orders for " + order.getSku());
        }
    }

    /** Fails its init every time: the constructor finds no configuration. */
    public static class Unconfigured implements RequestHandler<Object, Object> {
        public Unconfigured() {
            throw new IllegalStateException("TABLE_NAME is not set");
        }

        @Override
        public Object handleRequest(Object input, Context context) {
            return input;
        }
    }

    /** Fails in its static initialiser: a fresh JVM (and a fresh environment) runs it again on every init. */
    public static class BrokenStatic implements RequestHandler<Object, Object> {
        private static final String TABLE = table();

        private static String table() {
            throw new IllegalStateException("no table configured");
        }

        @Override
        public Object handleRequest(Object input, Context context) {
            return TABLE;
        }
    }

    public static class Sleeper {
        public String sleep(Integer millis) throws InterruptedException {
            System.out.println("sleeping " + millis);
            Thread.sleep(millis);
            return "woke";
        }
    }

    /** Returns what the caller sent besides the event: every section of the client context, and the identity. */
    public static class Caller {
        public Map<String, Object> describe(Object ignored, Context context) {
            Map<String, Object> out = new LinkedHashMap<>();
            ClientContext cc = context.getClientContext();
            if (cc != null) {
                if (cc.getClient() != null) {
                    out.put("installationId", cc.getClient().getInstallationId());
                    out.put("appTitle", cc.getClient().getAppTitle());
                    out.put("appVersionName", cc.getClient().getAppVersionName());
                    out.put("appVersionCode", cc.getClient().getAppVersionCode());
                    out.put("appPackageName", cc.getClient().getAppPackageName());
                }
                out.put("custom", cc.getCustom());
                out.put("env", cc.getEnvironment());
            }
            if (context.getIdentity() != null) {
                out.put("identityId", context.getIdentity().getIdentityId());
                out.put("identityPoolId", context.getIdentity().getIdentityPoolId());
            }
            out.put("arn", context.getInvokedFunctionArn());
            return out;
        }
    }

    /** Holds its environment until the file named by the event exists: a latch a test in another JVM can open. */
    public static class Gate {
        public String await(String path) throws InterruptedException {
            java.nio.file.Path file = java.nio.file.Path.of(path);
            while (!java.nio.file.Files.exists(file)) {
                Thread.sleep(5);
            }
            return "opened";
        }
    }

    /** Answers with a string of the requested length. */
    public static class Big {
        public String answer(Integer length) {
            return "x".repeat(length);
        }
    }
}
