package org.headend.platform.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.headend.platform.boundary.MalformedBodies.Body;
import org.headend.testing.Names;

/**
 * A bad form body for an nginx hook, the status it gets with the right secret, and whether that
 * refusal comes before the secret is looked at (a body that cannot be read, too large or of the
 * wrong type is refused before the hook runs).
 */
record HookBody(Body body, int status, boolean beforeSecret) {

    private static final String FORM = "application/x-www-form-urlencoded";

    static List<HookBody> all(String hook, Random random) {
        List<HookBody> bodies = new ArrayList<>(List.of(
                new HookBody(new Body("no fields", FORM, "", 400), 400, false),
                new HookBody(new Body("missing fields", FORM, "call=publish", 400), 400, false),
                new HookBody(new Body("malformed form", FORM, "%ZZ=1&b", 400), 400, true),
                new HookBody(new Body("huge name", FORM, "name=" + "k".repeat(60_000), 400), 400, false),
                new HookBody(new Body("over 64 KiB", FORM, "a=" + "k".repeat(70_000), 413), 413, true),
                new HookBody(new Body("JSON", MalformedBodies.JSON, "{\"call\":\"publish\"}", 415), 415, true),
                new HookBody(new Body("no content type", null, "call=publish", 415), 415, true),
                new HookBody(new Body("random", FORM, randomForm(random), 400), 400, true)));
        if (hook.endsWith("/publish")) {
            // Complete callbacks that must be refused: a key no stream has, another application.
            String unknownKey = "call=publish&name=" + Names.unique("nokey") + "&clientid=1&app=live&addr=127.0.0.1";
            bodies.add(new HookBody(new Body("unknown key", FORM, unknownKey, 403), 403, false));
            String otherApp = unknownKey.replace("app=live", "app=other");
            bodies.add(new HookBody(new Body("other application", FORM, otherApp, 403), 403, false));
        }
        return bodies;
    }

    /** Random form-ish text; never a complete callback, as without clientid no hook acts. */
    private static String randomForm(Random random) {
        String alphabet = "=&%abc019+;";
        var text = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString().replace("clientid", "");
    }
}
