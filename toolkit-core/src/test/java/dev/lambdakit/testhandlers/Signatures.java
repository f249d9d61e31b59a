package dev.lambdakit.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** One class per signature the runtime accepts for {@code pkg.Class::method}; each says which one ran. */
public final class Signatures {

    private Signatures() {}

    static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    public static class InOutCtx {
        public void handle(InputStream in, OutputStream out, Context c) throws IOException {
            write(out, "\"in-out-ctx:" + read(in).length() + ":" + (c != null) + "\"");
        }
    }

    public static class InOut {
        public void handle(InputStream in, OutputStream out) throws IOException {
            write(out, "\"in-out:" + read(in).length() + "\"");
        }
    }

    public static class OutCtx {
        public void handle(OutputStream out, Context c) throws IOException {
            write(out, "\"out-ctx:" + (c != null) + "\"");
        }
    }

    /** Static state lives per environment (classes are reloaded), so what it saw goes to a system property. */
    public static class InCtx {
        public void handle(InputStream in, Context c) throws IOException {
            System.setProperty("lambdakit.test.InCtx", read(in));
        }
    }

    public static class In {
        public void handle(InputStream in) throws IOException {
            System.setProperty("lambdakit.test.In", read(in));
        }
    }

    public static class Out {
        public void handle(OutputStream out) throws IOException {
            write(out, "\"out\"");
        }
    }

    public static class Ctx {
        public String handle(Context c) {
            return "ctx:" + c.getFunctionName();
        }
    }

    public static class PojoCtx {
        public String handle(Integer n, Context c) {
            return "pojo-ctx:" + (n + 1);
        }
    }

    public static class Pojo {
        public String handle(Integer n) {
            return "pojo:" + (n * 2);
        }
    }

    public static class None {
        public String handle() {
            return "none";
        }
    }

    /** (String, Context) weighs 3 and beats (InputStream, OutputStream) at 2 and (String) at 1. */
    public static class Overloaded {
        public String handle(String s) {
            return "one";
        }

        public void handle(InputStream in, OutputStream out) throws IOException {
            write(out, "\"stream\"");
        }

        public String handle(String s, Context c) {
            return "with-context";
        }
    }

    /** The three-argument stream signature weighs 4 and wins over everything. */
    public static class OverloadedWithStream extends Overloaded {
        public void handle(InputStream in, OutputStream out, Context c) throws IOException {
            write(out, "\"full-stream\"");
        }
    }
}
