package dev.lambdakit.function;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdakit.runtime.InvocationResult;
import dev.lambdakit.runtime.LambdaError;
import dev.lambdakit.runtime.LambdaFunction;
import dev.lambdakit.testhandlers.Handlers;
import dev.lambdakit.testhandlers.Signatures;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The runtime's handler-string rules, proved end to end through an invocation. */
class HandlerResolutionTest {

    private static InvocationResult<Object> invoke(String handler, Object event) {
        try (LambdaFunction fn = LambdaFunction.of(handler)) {
            return fn.invoke(event);
        }
    }

    private static InvocationResult<Object> invoke(HandlerReference handler, Object event) {
        try (LambdaFunction fn =
                LambdaFunction.create(FunctionConfig.builder().handler(handler).build())) {
            return fn.invoke(event);
        }
    }

    private static LambdaError error(InvocationResult<?> result) {
        assertThat(result.isSuccess()).as("invocation should fail: %s", result).isFalse();
        return result.error().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "InOutCtx | \"in-out-ctx:2:true\"",
                "InOut    | \"in-out:2\"",
                "OutCtx   | \"out-ctx:true\"",
                "Out      | \"out\"",
                "Ctx      | \"ctx:Signatures-Ctx\"",
                "PojoCtx  | \"pojo-ctx:42\"",
                "Pojo     | \"pojo:82\"",
                "None     | \"none\""
            })
    @DisplayName("each accepted method signature is called with what it asks for")
    void acceptedSignatures(String cls, String expectedPayload) {
        InvocationResult<Object> result = invoke(Signatures.class.getName() + "$" + cls + "::handle", "41");

        assertThat(result.isSuccess()).as("%s", result).isTrue();
        assertThat(result.payloadAsString()).isEqualTo(expectedPayload);
    }

    @Test
    @DisplayName("signatures that write nothing return an empty payload; the input stream carries the raw event")
    void inputOnlySignatures() {
        InvocationResult<Object> withContext = invoke(Signatures.class.getName() + "$InCtx::handle", "{ \"raw\" }");
        InvocationResult<Object> plain = invoke(Signatures.class.getName() + "$In::handle", "not json at all");

        assertThat(withContext.payloadAsString()).isEmpty();
        assertThat(System.getProperty("lambdakit.test.InCtx")).isEqualTo("{ \"raw\" }");
        assertThat(plain.isSuccess()).isTrue();
        assertThat(System.getProperty("lambdakit.test.In")).isEqualTo("not json at all");
    }

    @Test
    @DisplayName("overloads: longer signatures win, a trailing Context counting one more")
    void overloadPriority() {
        assertThat(invoke(Signatures.Overloaded.class.getName() + "::handle", "\"x\"")
                        .payloadAsString())
                .isEqualTo("\"with-context\"");
        assertThat(invoke(Signatures.OverloadedWithStream.class.getName() + "::handle", "\"x\"")
                        .payloadAsString())
                .isEqualTo("\"full-stream\"");
    }

    @Test
    void requestHandlerAndStreamHandlerClassesNeedNoMethod() {
        assertThat(invoke(Handlers.Echo.class.getName(), "{\"a\":1}").payloadAsString())
                .isEqualTo("{\"a\":1}");
        assertThat(invoke(Handlers.Stream.class.getName(), "abc").payloadAsString())
                .isEqualTo("cba");
    }

    @Test
    void staticMethodsNeedNoInstance() {
        assertThat(invoke(Handlers.StaticMethod.class.getName() + "::handle", "\"x\"")
                        .payloadAsString())
                .isEqualTo("\"static:x\"");
    }

    @Test
    void voidMethodsReturnJsonNull() {
        InvocationResult<Object> result = invoke(Handlers.VoidReturn.class.getName() + "::handle", "\"void-x\"");

        assertThat(result.payloadAsString()).isEqualTo("null");
        assertThat(System.getProperty("lambdakit.test.VoidReturn")).isEqualTo("void-x");
    }

    @Test
    void readyInstancesAndFactories() {
        Function<String, String> upper = String::toUpperCase;
        InvocationResult<Object> viaMethod =
                invoke(HandlerReference.ofInstance(Handlers.Upper::new, "upper"), "\"abc\"");
        InvocationResult<Object> viaInterface = invoke(HandlerReference.ofInstance(Handlers.Echo::new), "[1]");

        assertThat(viaMethod.payloadAsString()).isEqualTo("\"" + upper.apply("abc") + "\"");
        assertThat(viaInterface.isSuccess()).as("%s", viaInterface).isFalse();
        assertThat(error(viaInterface).errorMessage()).isEqualTo("An error occurred during JSON parsing");
    }

    @Test
    @DisplayName("an unknown class fails each invocation with Class not found (Runtime.BadFunctionCode)")
    void classNotFound() {
        LambdaError e = error(invoke("com.example.Missing::handle", "{}"));

        assertThat(e.errorMessage()).isEqualTo("Class not found: com.example.Missing");
        assertThat(e.errorType()).isEqualTo("java.lang.ClassNotFoundException");
        assertThat(e.functionErrorType()).isEqualTo("Runtime.BadFunctionCode");
        assertThat(e.phase()).isEqualTo(LambdaError.Phase.INVOKE);
        assertThat(e.toJson())
                .isEqualTo(
                        "{\"errorMessage\":\"Class not found: com.example.Missing\",\"errorType\":\"java.lang.ClassNotFoundException\"}");
    }

    @Test
    @DisplayName("a nested class written with a dot gets a hint to use $")
    void nestedClassHint() {
        LambdaError e = error(invoke("dev.lambdakit.testhandlers.Handlers.Echo", "{}"));

        assertThat(e.hint()).contains("did you mean 'dev.lambdakit.testhandlers.Handlers$Echo'?");
    }

    @Test
    void emptyMethodOrClassIsAnInvalidHandler() {
        LambdaError e = error(invoke("pkg.Cls::", "{}"));

        assertThat(e.errorMessage()).isEqualTo("Invalid handler: `pkg.Cls::'");
        assertThat(e.errorType()).isNull();
        assertThat(error(invoke("::handle", "{}")).errorMessage()).isEqualTo("Invalid handler: `::handle'");
    }

    @Test
    @DisplayName("no method with an accepted signature: the runtime's message plus the candidates")
    void wrongSignature() {
        LambdaError e = error(invoke(Handlers.WrongSignature.class.getName() + "::handle", "{}"));

        assertThat(e.errorMessage())
                .isEqualTo("No public method named handle with appropriate method signature " + "found on class "
                        + Handlers.WrongSignature.class.getName());
        assertThat(e.hint()).contains("handle(String, String)").contains("(T, Context)");
        LambdaError missing = error(invoke(Handlers.WrongSignature.class.getName() + "::nope", "{}"));
        assertThat(missing.errorMessage()).startsWith("No public method named nope");
    }

    @Test
    void constructorProblems() {
        assertThat(error(invoke(Handlers.NoDefaultConstructor.class.getName() + "::handle", "\"x\""))
                        .errorMessage())
                .isEqualTo("Class " + Handlers.NoDefaultConstructor.class.getName()
                        + " has no public zero-argument constructor");
        assertThat(error(invoke(Handlers.Inner.class.getName(), "\"x\"")).errorMessage())
                .isEqualTo("Class " + Handlers.Inner.class.getName()
                        + " cannot be instantiated because it is a non-static inner class");
    }

    @Test
    void handlerInterfacesMustHaveConcreteTypes() {
        assertThat(error(invoke(Handlers.Raw.class.getName(), "{}")).errorMessage())
                .isEqualTo("Class " + Handlers.Raw.class.getName()
                        + " does not implement RequestHandler with concrete type parameters");
        assertThat(error(invoke(Handlers.Generic.class.getName(), "{}")).errorMessage())
                .isEqualTo("Class " + Handlers.Generic.class.getName() + " does not implement RequestHandler with "
                        + "concrete type parameters: parameter I has no upper bound.");
        assertThat(error(invoke(Handlers.NotAHandler.class.getName(), "{}")).errorMessage())
                .isEqualTo("Class does not implement an appropriate handler interface: "
                        + Handlers.NotAHandler.class.getName());
    }

    @Test
    @DisplayName("a throwing static initialiser is an init error: Error loading class")
    void staticInitialiserThrows() {
        LambdaError e = error(invoke(Handlers.BadInit.class.getName(), "{}"));

        assertThat(e.phase()).isEqualTo(LambdaError.Phase.INIT);
        assertThat(e.errorMessage()).isEqualTo("Error loading class " + Handlers.BadInit.class.getName());
        assertThat(e.errorType()).isEqualTo("java.lang.ExceptionInInitializerError");
        assertThat(e.functionErrorType()).isEqualTo("Runtime.BadFunctionCode");
        assertThat(e.cause()).hasRootCauseMessage("static boom");
    }

    @Test
    @DisplayName("a throwing constructor is an init error with the exception's message and class")
    void constructorThrows() {
        LambdaError e = error(invoke(Handlers.ThrowingConstructor.class.getName(), "{}"));

        assertThat(e.phase()).isEqualTo(LambdaError.Phase.INIT);
        assertThat(e.errorMessage()).isEqualTo("no config");
        assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(e.toJson())
                .isEqualTo("{\"errorMessage\":\"no config\",\"errorType\":\"java.lang.IllegalArgumentException\"}");
    }

    @Test
    @DisplayName("a handler exception: message, type and the user's frames, Runtime.UserException")
    void handlerThrows() {
        LambdaError e = error(invoke(Handlers.Throwing.class.getName() + "::fail", "\"x\""));

        assertThat(e.errorMessage()).isEqualTo("bad input: x");
        assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException");
        assertThat(e.functionErrorType()).isEqualTo("Runtime.UserException");
        assertThat(e.stackTrace()).first().asString().startsWith("dev.lambdakit.testhandlers.Handlers$Throwing.fail(");
        assertThat(e.stackTrace()).noneMatch(f -> f.startsWith("dev.lambdakit.function.internal.Invokers"));
        assertThat(e.toJson())
                .startsWith("{\"errorMessage\":\"bad input: x\",\"errorType\":"
                        + "\"java.lang.IllegalArgumentException\",\"stackTrace\":[\"dev.lambdakit.testhandlers.");
    }
}
