package org.headend.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headend.platform.boundary.FuzzClient.Answer;
import org.headend.platform.boundary.FuzzPlan.Call;
import org.headend.platform.boundary.MalformedBodies.Body;
import org.headend.platform.boundary.OpenApiOperations.Operation;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad input never breaks the API. Walks every operation of the app's own {@code /openapi}, for
 * each role, without a token and with a bad one, with malformed bodies, abused path parameters,
 * query values of the wrong type, methods the path does not have, content types it does not read
 * and an Accept it cannot answer; then the nginx hooks and the servlets outside {@code /api}.
 * Every answer must be a 4xx of the README's Errors table as problem+json (outside the API: no
 * server error and no stack page), every collection must list the same before and after, no
 * incident may be logged and the app must still be ready. Deterministic: a fixed seed, given with
 * every failing call; all failures of a run are reported together.
 */
@ExtendWith(SharedHeadend.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIT {

    /** Fixed, so a failure repeats; {@code -Dheadend.fuzz.seed=N} tries another sequence. */
    private static final long SEED = Long.getLong("headend.fuzz.seed", 20261207L);

    private static final String ADMIN = "admin";
    private static final String ANONYMOUS = "anonymous";
    private static final String BAD_TOKEN = "bad token";
    private static final Pattern ALLOWED_FIELDS = Pattern.compile("allowed: \\[([^]]*)]");
    private static final Pattern INCIDENT = Pattern.compile("Incident [0-9a-f]{12}:");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat (java|jakarta|org|com|fish)\\.[\\w.$]+\\(");

    /**
     * Raw paths the HTTP listener refuses before any application code runs (a NUL, a malformed or
     * non-UTF-8 %-escape, a backslash): the answer is the listener's, with an empty body.
     */
    private static final List<String> REFUSED_BY_THE_LISTENER =
            List.of("%00", "a%00b", "%ZZ", "%FF", "%5C", "%C0%AE%C0%AE");

    private HeadendProcess app;
    private FuzzClient client;
    private String adminBearer;
    private final Map<String, String> callers = new LinkedHashMap<>();
    private final Map<String, String> usernames = new LinkedHashMap<>();
    private FuzzSeed seed;

    @BeforeAll
    void seed(HeadendProcess app) {
        this.app = app;
        client = new FuzzClient(app.baseUrl());
        adminBearer = bearer("admin", HeadendProcess.ADMIN_PASSWORD);
        for (String role : List.of(ADMIN, "operator", "viewer")) {
            String username = Names.unique("fuzz-" + role);
            var made = client.send("POST", "/api/v1/users", json(adminBearer), bytes(FuzzSeed.user(username, role)));
            assertEquals(201, made.status(), made.body());
            usernames.put(role, username);
            callers.put(role, bearer(username, FuzzSeed.PASSWORD));
        }
        callers.put(ANONYMOUS, null);
        callers.put(BAD_TOKEN, "Bearer not-a-token");
        seed = FuzzSeed.create(client, adminBearer);
    }

    @AfterAll
    void cleanUp() {
        if (seed != null) {
            seed.delete(client, adminBearer);
        }
        usernames.values().forEach(name -> client.send("DELETE", "/api/v1/users/" + name, auth(adminBearer), null));
    }

    @Test
    void everyOperationRefusesBadInputWithADocumentedProblemAndChangesNothing() {
        List<Operation> operations = operations();
        Map<String, SortedSet<String>> methods = new TreeMap<>();
        operations.forEach(op ->
                methods.computeIfAbsent(op.template(), t -> new TreeSet<>()).add(op.method()));
        var failures = new Failures();
        var plan = new FuzzPlan(seed, new Random(SEED));
        Map<String, String> before = snapshot();
        long incidents = incidentsLogged();
        List<Runnable> checks = new ArrayList<>();
        for (Operation operation : operations) {
            List<String> fields = fields(operation, plan);
            Set<String> overlaps = new TreeSet<>();
            methods.forEach((template, its) -> {
                if (!template.equals(operation.template()) && matches(template, operation.template())) {
                    overlaps.addAll(its);
                }
            });
            callers.forEach((caller, authorization) -> {
                boolean sample = !caller.equals(ADMIN);
                for (Call call : plan.calls(operation, methods.get(operation.template()), overlaps, fields, sample)) {
                    checks.add(() -> check(caller, call, send(authorization, call), failures));
                }
            });
        }
        inParallel(checks);
        methods.keySet().stream()
                .filter(template -> template.contains("{"))
                .forEach(template -> refusedByTheListener(template.replaceFirst("\\{[^}]+}", "%s"), failures));

        assertUnchanged(before, incidents, failures);
        failures.assertNone();
    }

    @Test
    void theNginxHooksRefuseBadCallsWithAProblemAndChangeNothing() {
        var failures = new Failures();
        var random = new Random(SEED);
        Map<String, String> before = snapshot();
        long incidents = incidentsLogged();
        for (String hook : List.of("/api/hooks/rtmp/publish", "/api/hooks/rtmp/publish_done")) {
            for (String secret :
                    List.of("", "?secret=", "?secret=nope", "?secret=%00", "?secret=" + "s".repeat(10_000))) {
                for (HookBody body : HookBody.all(hook, random)) {
                    Set<Integer> allowed = body.beforeSecret() ? Set.of(body.status(), 403) : Set.of(403);
                    checkHook(hook + secret, body, allowed, failures);
                }
            }
            String right = hook + "?secret=" + HeadendProcess.HOOK_SECRET;
            for (HookBody body : HookBody.all(hook, random)) {
                checkHook(right, body, Set.of(body.status()), failures);
            }
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "FOO")) {
                var call = new Call(method, right, "method " + method, null, null, Set.of(405), false);
                check("nginx hook", Set.of(), call, send(null, call), failures);
            }
        }
        assertUnchanged(before, incidents, failures);
        failures.assertNone();
    }

    @Test
    void theServletsOutsideTheApiRefuseBadPathsAndMethodsWithoutAServerError() {
        var failures = new Failures();
        var session = signedIn(usernames.get(ADMIN));
        Map<String, String> before = snapshot();
        long incidents = incidentsLogged();
        List<String> ids = List.of(
                "..",
                "%2e%2e",
                "a".repeat(10_000),
                "00000000-0000-0000-0000-000000000000",
                seed.streamId(),
                seed.streamName(),
                "",
                "%20",
                "%C3%A9");
        List<String> paths =
                new ArrayList<>(List.of("/multicast/channels.m3u", "/thumbnail/", "/watch/", "/recording/"));
        for (String id : ids) {
            paths.addAll(List.of(
                    "/thumbnail/" + id + ".jpg",
                    "/thumbnail/" + id,
                    "/recording/" + id + "/file",
                    "/multicast/" + id + ".sdp",
                    "/watch/" + id,
                    "/watch/" + id + "/status"));
        }
        List<Runnable> checks = new ArrayList<>();
        for (String path : paths) {
            for (String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH", "FOO")) {
                checks.add(() -> checkServlet("anonymous", client, method, path, failures));
                checks.add(() -> checkServlet("signed-in admin", session, method, path, failures));
            }
        }
        inParallel(checks);
        for (String servlet : List.of("/thumbnail/%s.jpg", "/recording/%s/file", "/multicast/%s.sdp", "/watch/%s")) {
            refusedByTheListener(servlet, failures);
        }
        assertUnchanged(before, incidents, failures);
        failures.assertNone();
    }

    // ---- the API's answers

    /** What a caller may get besides the call's own refusal: 401 without a valid token, 403 below admin. */
    private static Set<Integer> refusalsOf(String caller) {
        if (caller.equals(ANONYMOUS) || caller.equals(BAD_TOKEN)) {
            return Set.of(401);
        }
        return caller.equals(ADMIN) ? Set.of() : Set.of(403);
    }

    private void check(String caller, Call call, Answer answer, Failures failures) {
        check(caller, refusalsOf(caller), call, answer, failures);
    }

    private void check(String caller, Set<Integer> refusals, Call call, Answer answer, Failures failures) {
        Set<Integer> allowed = new TreeSet<>(call.expected());
        allowed.addAll(refusals);
        List<String> wrong = new ArrayList<>();
        int status = answer.status();
        if (status >= 500) {
            wrong.add("a server error");
        } else if (!allowed.contains(status) && !(call.readMaySucceed() && status < 300)) {
            wrong.add("expected one of " + allowed);
        }
        if (status >= 400) {
            boolean bodyRefused = call.body() != null && status == call.body().status();
            problemShape(answer, bodyRefused ? call.body().names() : null, wrong);
        }
        if (isListenerFailure(call.path(), answer)) {
            wrong.clear();
            failures.listenerFailure();
        }
        failures.count();
        if (!wrong.isEmpty()) {
            failures.add(
                    caller + ": " + call.describe() + " -> " + shown(answer) + " (" + String.join("; ", wrong) + ")");
        }
    }

    private static void problemShape(Answer answer, String names, List<String> wrong) {
        if (!answer.isProblem()) {
            wrong.add("not application/problem+json");
            return;
        }
        JsonObject problem;
        try (var reader = Json.createReader(new StringReader(answer.body()))) {
            problem = reader.readObject();
        } catch (RuntimeException unreadable) {
            wrong.add("a problem that is not a JSON object");
            return;
        }
        if (problem.getInt("status", -1) != answer.status() || !problem.containsKey("title")) {
            wrong.add("a problem without its status or title");
        }
        String detail = problem.getString("detail", "");
        if (detail.startsWith("Incident")) {
            wrong.add("an incident");
        }
        if (names != null && !detail.contains(names)) {
            wrong.add("a detail that does not name " + names);
        }
    }

    private Answer send(String authorization, Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Accept", call.accept());
        if (call.body() != null) {
            headers.put("Content-Type", call.body().contentType());
        }
        return client.send(
                call.method(),
                call.path(),
                headers,
                call.body() == null ? null : call.body().bytes());
    }

    /**
     * The field names of an operation's body: from its schema when the document has one, else
     * from the refusal of an unknown field, which lists the allowed ones.
     */
    private List<String> fields(Operation operation, FuzzPlan plan) {
        if (!operation.hasBody()) {
            return List.of();
        }
        if (!operation.fields().isEmpty()) {
            return List.copyOf(operation.fields());
        }
        var probe = client.send(
                operation.method(),
                plan.path(operation, null, null).value(),
                json(adminBearer),
                bytes("{\"zz-unknown\":1}"));
        Matcher allowed = ALLOWED_FIELDS.matcher(probe.body());
        return allowed.find() ? Arrays.asList(allowed.group(1).split(", ")) : List.of();
    }

    /** Whether {@code general} (a template) also matches the paths of {@code specific}. */
    private static boolean matches(String general, String specific) {
        String[] g = general.split("/");
        String[] s = specific.split("/");
        if (g.length != s.length) {
            return false;
        }
        for (int i = 0; i < g.length; i++) {
            if (!g[i].equals(s[i]) && !g[i].matches("\\{[^}]+}")) {
                return false;
            }
        }
        return true;
    }

    // ---- what the listener refuses before the application

    /**
     * Payara 6.2025.10's listener fails on some URLs before any application code runs: a malformed
     * %-escape ({@code %ZZ}) and some paths ending in {@code /..} or {@code /.} make its adapter throw
     * (AS-WEB-CORE-00037 in the log) and answer an empty 200. Nothing is dispatched, so nothing can
     * change; the snapshots check that. Counted, and accepted only for such paths.
     */
    private static boolean isListenerFailure(String path, Answer answer) {
        boolean suspect = path.matches(".*/\\.{1,2}(/.*)?") || path.matches(".*%(?![0-9A-Fa-f]{2}).*");
        return suspect
                && answer.status() == 200
                && answer.contentType().isEmpty()
                && answer.body().isEmpty();
    }

    /**
     * Raw paths with a NUL or a broken %-escape in place of {@code %s}: the listener answers 400
     * with an empty body (or fails: {@link #isListenerFailure}). Never a server error, never a
     * page, never a change.
     */
    private void refusedByTheListener(String template, Failures failures) {
        for (String value : REFUSED_BY_THE_LISTENER) {
            String path = template.formatted(value);
            Answer answer = client.raw(path, adminBearer);
            failures.count();
            if (isListenerFailure(path, answer)) {
                failures.listenerFailure();
            } else if (answer.status() != 400 || !answer.body().isBlank()) {
                failures.add("admin: GET " + shorten(path) + " [refused by the listener] -> " + shown(answer)
                        + " (expected an empty 400)");
            }
        }
    }

    // ---- the hooks

    /** A form body for a hook, the status it gets with the right secret, and whether that comes first. */
    record HookBody(Body body, int status, boolean beforeSecret) {

        static List<HookBody> all(String hook, Random random) {
            String form = "application/x-www-form-urlencoded";
            List<HookBody> bodies = new ArrayList<>(List.of(
                    new HookBody(new Body("no fields", form, "", 400), 400, false),
                    new HookBody(new Body("missing fields", form, "call=publish", 400), 400, false),
                    new HookBody(new Body("malformed form", form, "%ZZ=1&b", 400), 400, true),
                    new HookBody(new Body("huge name", form, "name=" + "k".repeat(60_000), 400), 400, false),
                    new HookBody(new Body("over 64 KiB", form, "a=" + "k".repeat(70_000), 413), 413, true),
                    new HookBody(new Body("JSON", MalformedBodies.JSON, "{\"call\":\"publish\"}", 415), 415, true),
                    new HookBody(new Body("no content type", null, "call=publish", 415), 415, true),
                    new HookBody(new Body("random", form, randomForm(random), 400), 400, true)));
            if (hook.endsWith("/publish")) {
                String unknownKey =
                        "call=publish&name=" + Names.unique("nokey") + "&clientid=1&app=live&addr=127.0.0.1";
                bodies.add(new HookBody(new Body("unknown key", form, unknownKey, 403), 403, false));
                bodies.add(new HookBody(
                        new Body("other application", form, unknownKey.replace("app=live", "app=other"), 403),
                        403,
                        false));
            }
            return bodies;
        }

        private static String randomForm(Random random) {
            String alphabet = "=&%abc019+;";
            var text = new StringBuilder();
            for (int i = 0, n = 1 + random.nextInt(30); i < n; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            // Never a complete callback: without clientid no hook acts.
            return text.toString().replace("clientid", "");
        }
    }

    private void checkHook(String path, HookBody body, Set<Integer> allowed, Failures failures) {
        var call = new Call("POST", path, body.body().label(), null, body.body(), allowed, false);
        check("nginx hook", Set.of(), call, send(null, call), failures);
    }

    // ---- the servlets outside /api

    private void checkServlet(String who, FuzzClient as, String method, String path, Failures failures) {
        boolean status = path.endsWith("/status");
        Map<String, String> headers = status ? Map.of("Accept", "application/json") : Map.of();
        Answer answer = as.send(method, path, headers, null);
        failures.count();
        if (isListenerFailure(path, answer)) {
            failures.listenerFailure();
            return;
        }
        List<String> wrong = new ArrayList<>();
        // A dot segment leaves the servlet: the listener resolves /thumbnail/.. to /, a console page.
        boolean leaves = path.contains("/../")
                || path.endsWith("/..")
                || path.toLowerCase().contains("%2e%2e");
        Set<Integer> allowed =
                method.equals("GET") || leaves ? Set.of(200, 302, 400, 401, 403, 404, 405) : Set.of(302, 403, 405);
        if (answer.status() >= 500) {
            wrong.add("a server error");
        } else if (!allowed.contains(answer.status())) {
            wrong.add("expected one of " + allowed);
        }
        if (answer.status() == 302 && !answer.location().contains("/login")) {
            wrong.add("a redirect elsewhere than to sign in");
        }
        if (answer.body().contains("Error report")
                || STACK_FRAME.matcher(answer.body()).find()) {
            wrong.add("the runtime's error report");
        }
        if (status && !leaves && answer.status() >= 400) {
            problemShape(answer, null, wrong);
        }
        if (!wrong.isEmpty()) {
            failures.add(who + ": " + method + " " + shorten(path) + " -> " + shown(answer) + " ("
                    + String.join("; ", wrong) + ")");
        }
    }

    /** A client with a console session, signed in on the sign-in page as a browser does. */
    private FuzzClient signedIn(String username) {
        var session = new FuzzClient(app.baseUrl());
        Answer login = session.send("GET", "/login", Map.of(), null);
        Matcher viewState = Pattern.compile("ViewState:0\" value=\"([^\"]+)\"").matcher(login.body());
        assertTrue(viewState.find(), "the sign-in page has a view state");
        String form = "signin=signin&signin%3Ausername=" + encode(username) + "&signin%3Apassword="
                + encode(FuzzSeed.PASSWORD) + "&signin%3Asubmit=&jakarta.faces.ViewState=" + encode(viewState.group(1));
        Answer signedIn = session.send(
                "POST",
                "/login",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Origin", app.baseUrl()),
                bytes(form));
        assertEquals(302, signedIn.status(), "sign-in: " + shown(signedIn));
        return session;
    }

    // ---- before and after

    private Map<String, String> snapshot() {
        List<String> paths = new ArrayList<>(List.of(
                "/api/v1/streams?size=200",
                "/api/v1/ladders",
                "/api/v1/users",
                "/api/v1/webhooks",
                "/api/v1/recordings?size=200",
                "/api/v1/tokens",
                "/api/v1/audit?size=1&user=admin"));
        List<String> owners = new ArrayList<>(usernames.values());
        owners.add(seed.username());
        for (String owner : owners) {
            paths.add("/api/v1/tokens?owner=" + owner);
            paths.add("/api/v1/audit?size=1&user=" + owner);
        }
        paths.addAll(seed.ownCollections());
        return ApiSnapshot.take(client, adminBearer, paths);
    }

    private void assertUnchanged(Map<String, String> before, long incidents, Failures failures) {
        Map<String, String> after = snapshot();
        before.forEach((path, listing) -> {
            if (!listing.equals(after.get(path))) {
                failures.add("GET " + path + " changed:\n  before: " + listing + "\n  after:  " + after.get(path));
            }
        });
        Answer ready = client.send("GET", "/health/ready", Map.of(), null);
        if (ready.status() != 200 || !ready.body().contains("\"UP\"")) {
            failures.add("/health/ready is not UP afterwards: " + shown(ready));
        }
        if (incidentsLogged() != incidents) {
            failures.add((incidentsLogged() - incidents) + " incident(s) logged during the run: see " + app.log());
        }
    }

    private long incidentsLogged() {
        try {
            return INCIDENT.matcher(Files.readString(app.log(), StandardCharsets.ISO_8859_1))
                    .results()
                    .count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- plumbing

    /**
     * Runs the checks three at a time: each is independent (every call is refused), the plan that
     * made them drew its random values in a fixed order, and failures are reported sorted.
     */
    private static void inParallel(List<Runnable> checks) {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            for (Future<?> done :
                    pool.invokeAll(checks.stream().map(Executors::callable).toList())) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("A check could not run", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Operation> operations() {
        Answer document = client.send("GET", "/openapi", Map.of("Accept", "application/json"), null);
        assertEquals(200, document.status(), "/openapi");
        assertTrue(
                document.contentType().startsWith("application/json"), "/openapi as JSON: " + document.contentType());
        List<Operation> operations;
        try (var reader = Json.createReader(new StringReader(document.body()))) {
            operations = new ArrayList<>(OpenApiOperations.of(reader.readObject()));
        }
        operations.sort(Comparator.comparing(Operation::template).thenComparing(Operation::method));
        assertTrue(operations.size() > 40, "the document lists the API: " + operations);
        return operations;
    }

    private String bearer(String username, String password) {
        String body = Json.createObjectBuilder()
                .add("username", username)
                .add("password", password)
                .build()
                .toString();
        Answer token =
                client.send("POST", "/api/v1/auth/token", Map.of("Content-Type", "application/json"), bytes(body));
        assertEquals(200, token.status(), "sign-in of " + username + ": " + token.body());
        try (var reader = Json.createReader(new StringReader(token.body()))) {
            return "Bearer " + reader.readObject().getString("access_token");
        }
    }

    private static Map<String, String> auth(String bearer) {
        return Map.of("Authorization", bearer);
    }

    private static Map<String, String> json(String bearer) {
        return Map.of("Authorization", bearer, "Content-Type", "application/json");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String shorten(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " chars)";
    }

    private static String shown(Answer answer) {
        String body = answer.body().replaceAll("\\s+", " ");
        return answer.status() + " " + answer.contentType() + " " + shorten(body);
    }

    /** Every failing call of a run, reported together with the seed that repeats them. */
    static final class Failures {
        private final List<String> failures = new ArrayList<>();
        private int calls;
        private int listenerFailures;

        synchronized void count() {
            calls++;
        }

        synchronized void listenerFailure() {
            listenerFailures++;
        }

        synchronized void add(String failure) {
            failures.add(failure);
        }

        /** Fails with the seed and the first 60 failures; all of them go to target/fuzz-failures.txt. */
        synchronized void assertNone() {
            if (failures.isEmpty()) {
                return;
            }
            java.util.Collections.sort(failures);
            String all = "Seed " + SEED + " (-Dheadend.fuzz.seed=" + SEED + "): " + failures.size() + " failures in "
                    + calls + " calls (" + listenerFailures + " listener failures accepted):\n";
            try {
                Files.writeString(
                        java.nio.file.Path.of("target", "fuzz-failures.txt"),
                        all + String.join("\n", failures) + "\n",
                        StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE,
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            throw new AssertionError(all + String.join("\n", failures.subList(0, Math.min(60, failures.size()))));
        }
    }
}
