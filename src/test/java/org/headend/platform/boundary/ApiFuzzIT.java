package org.headend.platform.boundary;

import static org.headend.platform.boundary.FuzzChecks.shorten;
import static org.headend.platform.boundary.FuzzChecks.shown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
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
 * Every answer must be a status of the README's Errors table as problem+json (outside the API: no
 * server error and no stack page); every collection must list the same before and after, no
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
        usernames
                .values()
                .forEach(name ->
                        client.send("DELETE", "/api/v1/users/" + name, Map.of("Authorization", adminBearer), null));
    }

    @Test
    void everyOperationRefusesBadInputWithADocumentedProblemAndChangesNothing() {
        List<Operation> operations = operations();
        Map<String, SortedSet<String>> methods = new TreeMap<>();
        operations.forEach(op ->
                methods.computeIfAbsent(op.template(), t -> new TreeSet<>()).add(op.method()));
        var failures = new FuzzFailures(SEED);
        var plan = new FuzzPlan(seed, new Random(SEED));
        Unchanged unchanged = unchanged();
        List<Runnable> checks = new ArrayList<>();
        for (Operation operation : operations) {
            List<String> fields = fields(operation, plan);
            Set<String> overlaps = new TreeSet<>();
            methods.forEach((template, its) -> {
                if (!template.equals(operation.template())
                        && OpenApiOperations.matches(template, operation.template())) {
                    overlaps.addAll(its);
                }
            });
            callers.forEach((caller, authorization) -> {
                boolean sample = !caller.equals(ADMIN);
                for (Call call : plan.calls(operation, methods.get(operation.template()), overlaps, fields, sample)) {
                    checks.add(() ->
                            FuzzChecks.check(caller, refusalsOf(caller), call, send(authorization, call), failures));
                }
            });
        }
        inParallel(checks);
        methods.keySet().stream()
                .filter(template -> template.contains("{"))
                .forEach(template -> refusedByTheListener(template.replaceFirst("\\{[^}]+}", "%s"), failures));
        unchanged.verify(failures);
        failures.assertNone();
    }

    @Test
    void theNginxHooksRefuseBadCallsWithAProblemAndChangeNothing() {
        var failures = new FuzzFailures(SEED);
        var random = new Random(SEED);
        Unchanged unchanged = unchanged();
        for (String hook : List.of("/api/hooks/rtmp/publish", "/api/hooks/rtmp/publish_done", "/api/hooks/rtmp/play")) {
            for (String secret :
                    List.of("", "?secret=", "?secret=nope", "?secret=%00", "?secret=" + "s".repeat(10_000))) {
                for (HookBody body : HookBody.all(hook, random)) {
                    checkHook(
                            hook + secret,
                            body,
                            body.beforeSecret() ? Set.of(body.status(), 403) : Set.of(403),
                            failures);
                }
            }
            String right = hook + "?secret=" + HeadendProcess.HOOK_SECRET;
            for (HookBody body : HookBody.all(hook, random)) {
                checkHook(right, body, Set.of(body.status()), failures);
            }
            for (String method : List.of("GET", "PUT", "DELETE", "PATCH", "FOO")) {
                var call = new Call(method, right, "method " + method, null, null, Set.of(405), false);
                FuzzChecks.check("nginx hook", Set.of(), call, send(null, call), failures);
            }
        }
        // nginx's auth_request before a worker writes HLS: a GET with the written path in headers.
        String put = "/api/hooks/rtmp/put";
        for (String secret : List.of("", "?secret=", "?secret=nope", "?secret=%00")) {
            var call = new Call("GET", put + secret, "worker write, bad secret", null, null, Set.of(403), false);
            FuzzChecks.check("nginx hook", Set.of(), call, send(null, call), failures);
        }
        String rightPut = put + "?secret=" + HeadendProcess.HOOK_SECRET;
        var noPath = new Call("GET", rightPut, "worker write, no path", null, null, Set.of(400), false);
        FuzzChecks.check("nginx hook", Set.of(), noPath, send(null, noPath), failures);
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "FOO")) {
            var call = new Call(method, rightPut, "method " + method, null, null, Set.of(405, 415), false);
            FuzzChecks.check("nginx hook", Set.of(), call, send(null, call), failures);
        }
        unchanged.verify(failures);
        failures.assertNone();
    }

    @Test
    void theServletsOutsideTheApiRefuseBadPathsAndMethodsWithoutAServerError() {
        var failures = new FuzzFailures(SEED);
        var session = FuzzClient.signedIn(app.baseUrl(), usernames.get(ADMIN), FuzzSeed.PASSWORD);
        Unchanged unchanged = unchanged();
        List<String> paths =
                new ArrayList<>(List.of("/multicast/channels.m3u", "/thumbnail/", "/watch/", "/recording/"));
        for (String id : List.of(
                "..",
                "%2e%2e",
                "a".repeat(10_000),
                "00000000-0000-0000-0000-000000000000",
                seed.streamId(),
                seed.streamName(),
                "",
                "%20",
                "%C3%A9")) {
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
                checks.add(() -> FuzzChecks.checkServlet("anonymous", client, method, path, failures));
                checks.add(() -> FuzzChecks.checkServlet("signed-in admin", session, method, path, failures));
            }
        }
        inParallel(checks);
        for (String servlet : List.of("/thumbnail/%s.jpg", "/recording/%s/file", "/multicast/%s.sdp", "/watch/%s")) {
            refusedByTheListener(servlet, failures);
        }
        unchanged.verify(failures);
        failures.assertNone();
    }

    /** What a caller may get besides the call's own refusal: 401 without a valid token, 403 below admin. */
    private static Set<Integer> refusalsOf(String caller) {
        if (caller.equals(ANONYMOUS) || caller.equals(BAD_TOKEN)) {
            return Set.of(401);
        }
        return caller.equals(ADMIN) ? Set.of() : Set.of(403);
    }

    private void checkHook(String path, HookBody body, Set<Integer> allowed, FuzzFailures failures) {
        var call = new Call("POST", path, body.body().label(), null, body.body(), allowed, false);
        FuzzChecks.check("nginx hook", Set.of(), call, send(null, call), failures);
    }

    /**
     * Raw paths with a NUL or a broken %-escape in place of {@code %s}: the listener answers 400
     * with an empty body, or fails ({@link FuzzChecks#isListenerFailure}). Never a server error,
     * never a page, never a change.
     */
    private void refusedByTheListener(String template, FuzzFailures failures) {
        for (String value : REFUSED_BY_THE_LISTENER) {
            String path = template.formatted(value);
            Answer answer = client.raw(path, adminBearer);
            failures.count();
            if (FuzzChecks.isListenerFailure(path, answer)) {
                failures.listenerFailure();
            } else if (answer.status() != 400 || !answer.body().isBlank()) {
                failures.add("admin: GET " + shorten(path) + " [refused by the listener] -> " + shown(answer)
                        + " (expected an empty 400)");
            }
        }
    }

    private Answer send(String authorization, Call call) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Accept", call.accept());
        if (call.body() != null) {
            headers.put("Content-Type", call.body().contentType());
        }
        byte[] body = call.body() == null ? null : call.body().bytes();
        return client.send(call.method(), call.path(), headers, body);
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
        String path = plan.path(operation, null, null).value();
        var probe = client.send(operation.method(), path, json(adminBearer), bytes("{\"zz-unknown\":1}"));
        Matcher allowed = ALLOWED_FIELDS.matcher(probe.body());
        return allowed.find() ? Arrays.asList(allowed.group(1).split(", ")) : List.of();
    }

    /** Every collection, the fuzz users' tokens and audit trails, and the seed's own collections. */
    private Unchanged unchanged() {
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
        return Unchanged.from(client, adminBearer, paths, app.log());
    }

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
        assertTrue(document.contentType().startsWith("application/json"), "/openapi as JSON: " + document);
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

    private static Map<String, String> json(String bearer) {
        return Map.of("Authorization", bearer, "Content-Type", "application/json");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
