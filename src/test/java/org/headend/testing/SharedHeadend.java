package org.headend.testing;

import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives integration tests one running application, started once for the whole test run (booting
 * Payara Micro costs 15-25 s) and stopped when the run ends. Tests must not rely on each other's
 * data: each creates the streams and ladders it uses, under unique names. It runs on the defaults:
 * a test that needs other settings starts an app of its own.
 */
public class SharedHeadend implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HeadendProcess.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return app(context);
    }

    /** The one running application of this test run, started on first use. */
    static HeadendProcess app(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(
                        "headend",
                        k -> new Running(HeadendProcess.inTempHome(Map.of()).start()),
                        Running.class)
                .app();
    }

    record Running(HeadendProcess app) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            app.stop();
        }
    }
}
