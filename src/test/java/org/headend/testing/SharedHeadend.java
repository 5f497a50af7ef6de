package org.headend.testing;

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
        Class<?> type = parameter.getParameter().getType();
        return type == HeadendProcess.class || type == WebRtcNetwork.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebRtcNetwork.class ? network(context) : app(context);
    }

    /** The one running application of this test run, started on first use. */
    static HeadendProcess app(ExtensionContext context) {
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent("headend", k -> Running.start(), Running.class)
                .app();
    }

    /** The shared app's Janus gathers its candidates on a veth pair of its own, so any test can use WebRTC. */
    static WebRtcNetwork network(ExtensionContext context) {
        app(context);
        return context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .get("headend", Running.class)
                .network();
    }

    record Running(HeadendProcess app, WebRtcNetwork network) implements ExtensionContext.Store.CloseableResource {

        static Running start() {
            WebRtcNetwork network = WebRtcNetwork.create();
            try {
                return new Running(
                        HeadendProcess.inTempHome(network.appEnvironment()).start(), network);
            } catch (RuntimeException | Error e) {
                network.close();
                throw e;
            }
        }

        @Override
        public void close() {
            app.stop();
            network.close();
        }
    }
}
