package dev.lambdakit.junit;

import dev.lambdakit.cloud.RealAwsGuard;
import dev.lambdakit.env.Settings;
import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Puts each LambdaKit-annotated test under the real-AWS guard (let through where {@link AllowRealAws} is on the
 * method, its class or an enclosing class), and gives LambdaKit JUnit's configuration parameters as settings.
 * Registered by {@link LambdaTest}, {@link LambdaServiceTest} and {@link AllowRealAws}; JUnit registers it once.
 */
final class GuardExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(GuardExtension.class);
    private static final String SCOPE = "scope";

    @Override
    public void beforeAll(ExtensionContext context) {
        JupiterVersion.check();
        Settings.useFrameworkSource(context.getRoot()::getConfigurationParameter);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(SCOPE, RealAwsGuard.enterTest(allowsRealAws(context)));
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        AutoCloseable scope = context.getStore(NAMESPACE).remove(SCOPE, AutoCloseable.class);
        if (scope != null) {
            scope.close();
        }
    }

    /** Whether {@code @AllowRealAws} is on the test method, its class or one enclosing it. */
    static boolean allowsRealAws(ExtensionContext context) {
        Optional<? extends AnnotatedElement> method = context.getTestMethod();
        if (method.isPresent() && AnnotationSupport.isAnnotated(method.get(), AllowRealAws.class)) {
            return true;
        }
        for (Class<?> c = context.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, AllowRealAws.class)) {
                return true;
            }
        }
        return false;
    }
}
