package org.headend.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a console test a {@link Browser} on the shared app, signed in as the admin and on the
 * dashboard; after the test it saves a screenshot (target/screenshots) and closes the browser.
 */
public class AdminBrowser implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(AdminBrowser.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Browser browser = new Browser(SharedHeadend.app(context).baseUrl());
        context.getStore(NAMESPACE).put("browser", browser);
        browser.signIn("admin", HeadendProcess.ADMIN_PASSWORD);
        browser.waitFor(d -> browser.currentPath().equals("/"));
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove("browser", Browser.class);
        if (browser != null) {
            browser.screenshot(context.getRequiredTestMethod().getName());
            browser.close();
        }
    }
}
