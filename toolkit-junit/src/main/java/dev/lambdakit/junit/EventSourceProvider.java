package dev.lambdakit.junit;

import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Supplies {@link EventSource @EventSource}'s events, one invocation per file.
 *
 * <p>It implements the one-argument {@code provideArguments}: JUnit 5.10 to 5.12 call only that, and from 5.13 on
 * (6.x included) the two-argument form's default delegates to it.
 */
final class EventSourceProvider implements ArgumentsProvider {

    @Override
    @SuppressWarnings("deprecation")
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        JupiterVersion.check();
        Method method = context.getRequiredTestMethod();
        EventSource source =
                AnnotationSupport.findAnnotation(method, EventSource.class).orElseThrow();
        if (method.getParameterCount() == 0) {
            throw new ExtensionConfigurationException(
                    "@EventSource on " + method.getName() + " needs a first " + "parameter to receive each event");
        }
        Type type = method.getGenericParameterTypes()[0];
        var values = Placeholders.of(LambdaExtension.configIfPresent(context), source.placeholders());
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        return EventFiles.folder(source.value(), loader).stream()
                .map(f -> Arguments.of(Named.of(f.name(), EventFiles.convert(f, type, values))));
    }
}
