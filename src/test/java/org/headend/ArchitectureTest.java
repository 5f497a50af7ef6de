package org.headend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Capabilities depend on each other one way only (STYLE.md: "no two capabilities import each
 * other"). Reads the main sources' text rather than loading classes, so it is fast and sees
 * imports, static imports and fully qualified names alike. {@code platform} (and test support in
 * {@code testing}) may be used by everyone and so only count as targets of no dependency.
 */
class ArchitectureTest {

    static final Path SOURCES = Path.of("src/main/java/org/headend");
    static final Set<String> SHARED = Set.of("platform", "testing");
    static final Pattern REFERENCE = Pattern.compile("\\borg\\.headend\\.([a-z]+)\\.");

    @Test
    void noCycleBetweenCapabilities() throws IOException {
        Map<String, Map<String, Set<String>>> graph = dependencies();
        List<String> cycles = cycles(graph);
        assertTrue(
                cycles.isEmpty(), () -> "Capabilities depend on each other in a cycle:\n" + String.join("\n", cycles));
    }

    @Test
    void theCheckSeesACycle() {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        graph.put("a", Map.of("b", Set.of("a/A.java")));
        graph.put("b", Map.of("c", Set.of("b/B.java")));
        graph.put("c", Map.of("a", Set.of("c/C.java")));
        graph.put("d", Map.of("a", Set.of("d/D.java")));

        List<String> cycles = cycles(graph);

        assertEquals(1, cycles.size(), cycles::toString);
        assertTrue(cycles.get(0).startsWith("a -> b -> c -> a"), cycles.get(0));
    }

    @Test
    void streamDependsOnNoCapabilityThatDependsOnIt() throws IOException {
        Map<String, Map<String, Set<String>>> graph = dependencies();
        assertTrue(graph.containsKey("stream"), "the scan found the stream capability");
        for (String other : List.of("ingest", "transcode", "recording", "playback", "output", "multicast", "origin")) {
            assertTrue(
                    !graph.get("stream").containsKey(other),
                    () -> "stream depends on " + other + " through "
                            + graph.get("stream").get(other));
        }
    }

    /** capability -> capability it refers to -> the files that do. */
    static Map<String, Map<String, Set<String>>> dependencies() throws IOException {
        Map<String, Map<String, Set<String>>> graph = new TreeMap<>();
        try (var files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                Path relative = SOURCES.relativize(file);
                if (relative.getNameCount() < 2) {
                    return;
                }
                String from = relative.getName(0).toString();
                Map<String, Set<String>> targets = graph.computeIfAbsent(from, k -> new TreeMap<>());
                Matcher m = REFERENCE.matcher(read(file));
                while (m.find()) {
                    String to = m.group(1);
                    if (!to.equals(from) && !SHARED.contains(to)) {
                        targets.computeIfAbsent(to, k -> new TreeSet<>()).add(relative.toString());
                    }
                }
            });
        }
        return graph;
    }

    private static String read(Path file) {
        try {
            String text = Files.readString(file);
            // The package line names the file's own capability only; skip it.
            return text.replaceFirst("(?m)^package [^;]+;", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line per cycle found, each edge with the files behind it; a depth-first walk per start. */
    static List<String> cycles(Map<String, Map<String, Set<String>>> graph) {
        Set<String> reported = new TreeSet<>();
        List<String> found = new ArrayList<>();
        for (String start : graph.keySet()) {
            Deque<String> path = new ArrayDeque<>();
            path.add(start);
            walk(graph, start, path, reported, found);
        }
        return found;
    }

    private static void walk(
            Map<String, Map<String, Set<String>>> graph,
            String start,
            Deque<String> path,
            Set<String> reported,
            List<String> found) {
        for (var edge : graph.getOrDefault(path.getLast(), Map.of()).entrySet()) {
            String next = edge.getKey();
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                if (reported.add(new TreeSet<>(cycle).toString())) {
                    found.add(describe(graph, cycle));
                }
            } else if (!path.contains(next) && next.compareTo(start) > 0) {
                // Only capabilities after the start: each cycle is walked from its first member once.
                path.addLast(next);
                walk(graph, start, path, reported, found);
                path.removeLast();
            }
        }
    }

    private static String describe(Map<String, Map<String, Set<String>>> graph, List<String> cycle) {
        var text = new StringBuilder(String.join(" -> ", cycle))
                .append(" -> ")
                .append(cycle.get(0))
                .append(':');
        for (int i = 0; i < cycle.size(); i++) {
            String from = cycle.get(i);
            String to = cycle.get((i + 1) % cycle.size());
            text.append("\n  ")
                    .append(from)
                    .append(" -> ")
                    .append(to)
                    .append(" in ")
                    .append(graph.get(from).get(to));
        }
        return text.toString();
    }
}
