package org.headend.platform.boundary;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headend.platform.boundary.MalformedBodies.Body;
import org.headend.platform.boundary.OpenApiOperations.Operation;
import org.headend.platform.boundary.OpenApiOperations.Param;

/**
 * The bad calls made of one operation: malformed bodies, abused path parameters, query values of
 * the wrong type or out of range, methods the path does not have and an Accept it cannot answer.
 * Path parameters not under test carry the seeded real ids, so a refusal that failed would show as
 * a change. Each call knows the statuses it may get before the caller's role is considered.
 */
final class FuzzPlan {

    /** A call; {@code path} is raw (already encoded); {@code body} null for none. */
    record Call(
            String method,
            String path,
            String label,
            String accept,
            Body body,
            Set<Integer> expected,
            boolean readMaySucceed) {

        String describe() {
            String shown = path.length() <= 160 ? path : path.substring(0, 160) + "… (" + path.length() + " chars)";
            return method + " " + shown + " [" + label + "]"
                    + (body == null ? "" : " " + body.contentType() + " body: " + body.excerpt());
        }
    }

    /** Encoded path values that must never reach another resource nor fail the server. */
    private static final List<String> PATH_ABUSE = List.of(
            "..",
            ".",
            "%2e%2e",
            "%2E",
            "a%2Fb",
            "%20",
            "%C3%A9",
            "a;b=c",
            "%27%20OR%20%271%27%3D%271",
            "%3Cscript%3E",
            "-1",
            "null",
            "a".repeat(10_000));

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Body REFUSED_BODY = new Body("unknown field", MalformedBodies.JSON, "{\"zz-unknown\":1}", 400);

    private final FuzzSeed seed;
    private final Random random;

    FuzzPlan(FuzzSeed seed, Random random) {
        this.seed = seed;
        this.random = random;
    }

    record Path(String value, boolean fake) {}

    /** The template with real ids, {@code abused} (if not null) set to {@code value}. */
    Path path(Operation operation, String abused, String value) {
        String[] segments = operation.template().split("/");
        boolean fake = false;
        var path = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            Matcher param = PARAM.matcher(segments[i]);
            var segment = new StringBuilder();
            while (param.find()) {
                String real = param.group(1).equals(abused) ? value : seed.realValue(segments[i - 1]);
                if (real == null) {
                    real = new UUID(random.nextLong(), random.nextLong()).toString();
                    fake = true;
                }
                param.appendReplacement(segment, Matcher.quoteReplacement(real));
            }
            param.appendTail(segment);
            path.append('/').append(segment);
        }
        return new Path(path.toString(), fake || abused != null);
    }

    /**
     * Every bad call of the operation; with {@code sample}, eight of its bodies and three abused
     * values per path parameter. {@code methodsOfPath}: the path's own methods; {@code methodsOfOverlaps}: those of
     * templates that also match it ({@code origins/{oid}} matches {@code origins/auto}), where a
     * method the path lacks is routed to, and answered with a 404 for no such id.
     */
    List<Call> calls(
            Operation operation,
            SortedSet<String> methodsOfPath,
            Set<String> methodsOfOverlaps,
            List<String> fields,
            boolean sample) {
        List<Call> calls = new ArrayList<>();
        Path real = path(operation, null, null);
        Set<Integer> notFound = real.fake() ? Set.of(404) : Set.of();
        if (operation.hasBody()) {
            List<Body> bodies = new ArrayList<>(MalformedBodies.anyOperation(random));
            bodies.addAll(MalformedBodies.forFields(fields, random));
            if (sample) {
                java.util.Collections.shuffle(bodies, random);
                bodies = bodies.subList(0, 8);
            }
            for (Body body : bodies) {
                calls.add(call(
                        operation.method(), real.value(), body.label(), null, body, with(notFound, body.status())));
            }
        }
        calls.add(call(
                operation.method(),
                real.value(),
                "Accept it cannot answer",
                "application/x-nothing",
                operation.hasBody() ? REFUSED_BODY : null,
                Set.of(406)));
        for (Param param : operation.in("query")) {
            for (String value : badQueryValues(param)) {
                boolean typed = isTyped(param);
                Set<Integer> expected = typed ? with(notFound, 400) : with(notFound, 400, 404);
                var call = call(
                        operation.method(),
                        real.value() + "?" + param.name() + "=" + value,
                        "query " + param.name(),
                        null,
                        operation.hasBody() ? REFUSED_BODY : null,
                        expected);
                calls.add(typed ? call : readMaySucceed(call));
            }
        }
        for (Param param : operation.in("path")) {
            List<String> values = new ArrayList<>(PATH_ABUSE);
            values.add(new UUID(random.nextLong(), random.nextLong()).toString());
            if (sample) {
                java.util.Collections.shuffle(values, random);
                values = values.subList(0, 3);
            }
            for (String value : values) {
                calls.add(call(
                        operation.method(),
                        path(operation, param.name(), value).value(),
                        "path " + param.name(),
                        null,
                        operation.hasBody() ? REFUSED_BODY : null,
                        Set.of(400, 404)));
            }
        }
        for (String method : List.of("GET", "PUT", "POST", "DELETE", "PATCH", "FOO")) {
            // Once per path, with the first of its operations.
            if (!methodsOfPath.contains(method) && methodsOfPath.first().equals(operation.method())) {
                boolean withBody = !method.equals("GET") && !method.equals("DELETE");
                Set<Integer> expected = methodsOfOverlaps.contains(method) ? Set.of(400, 404, 405) : Set.of(405);
                calls.add(
                        call(method, real.value(), "method " + method, null, withBody ? REFUSED_BODY : null, expected));
            }
        }
        return calls;
    }

    private static Call call(
            String method, String path, String label, String accept, Body body, Set<Integer> expected) {
        return new Call(method, path, label, accept, body, expected, false);
    }

    private static Call readMaySucceed(Call call) {
        return new Call(
                call.method(),
                call.path(),
                call.label(),
                call.accept(),
                call.body(),
                call.expected(),
                call.method().equals("GET"));
    }

    private static Set<Integer> with(Set<Integer> base, Integer... more) {
        var all = new java.util.TreeSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** Numbers, booleans and instants have a right form; free text may be anything a search allows. */
    private static boolean isTyped(Param param) {
        return !param.type().equals("string") || NUMBERS.contains(param.name()) || INSTANTS.contains(param.name());
    }

    private static final Set<String> NUMBERS = Set.of("page", "size", "ttl");
    private static final Set<String> INSTANTS = Set.of("from", "to");

    /** Encoded values of the wrong type or out of range for the parameter. */
    static List<String> badQueryValues(Param param) {
        if (param.type().equals("boolean")) {
            return List.of("maybe", "1", "yes", "", "TRUE%20", "%00");
        }
        if (param.type().equals("integer") || param.type().equals("number") || NUMBERS.contains(param.name())) {
            List<String> values = new ArrayList<>(List.of("-1", "abc", "1e99", "99999999999999999999", "1.5", "0x10"));
            values.add(param.name().equals("page") ? "%00" : "0");
            if (param.name().equals("ttl")) {
                values.add("604801");
            } else if (param.name().equals("size")) {
                values.add("1000000");
            }
            return values;
        }
        if (INSTANTS.contains(param.name())) {
            return List.of("abc", "2026-13-45T00:00:00Z", "1e99", "%00");
        }
        return List.of("a".repeat(10_000), "%00", "..", "%27%22%3C%3E", "%C3%A9");
    }
}
