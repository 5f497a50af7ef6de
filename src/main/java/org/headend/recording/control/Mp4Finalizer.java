package org.headend.recording.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.headend.platform.process.ChildProcess;

/**
 * Joins a recording's segments into one MP4 with its index first, without re-encoding. A last
 * segment cut short by a crash that ffmpeg cannot join is left out rather than losing the rest.
 * The segments are deleted only once the MP4 is measured, so a crash here is finalised again.
 */
final class Mp4Finalizer {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** The outcome: the MP4's size and duration, or why there is none. */
    record Outcome(boolean ready, long bytes, long millis, String reason) {
        static Outcome failed(String reason) {
            return new Outcome(false, 0, 0, reason);
        }
    }

    private final RecorderSettings settings;

    Mp4Finalizer(RecorderSettings settings) {
        this.settings = settings;
    }

    Outcome finalise(String recordingId, Path dir) {
        try {
            List<Path> segments = segments(dir);
            Path mp4 = dir.resolve(RecordingCommands.MP4);
            if (segments.isEmpty() && !Files.exists(mp4)) {
                return Outcome.failed("no media was recorded");
            }
            if (!segments.isEmpty()) {
                Run joined = join(recordingId, dir, segments);
                if (joined.exit() != 0 && segments.size() > 1) {
                    joined = join(recordingId, dir, segments.subList(0, segments.size() - 1));
                }
                if (joined.exit() != 0) {
                    return Outcome.failed("ffmpeg could not join the segments: " + joined.lastLine());
                }
            }
            String probed = probe(mp4);
            double seconds;
            try {
                seconds = Double.parseDouble(probed.trim());
            } catch (NumberFormatException e) {
                return Outcome.failed("the joined MP4 cannot be read: " + probed.trim());
            }
            for (Path segment : segments(dir)) {
                Files.deleteIfExists(segment);
            }
            Files.deleteIfExists(dir.resolve(RecordingCommands.LIST));
            return new Outcome(true, Files.size(mp4), Math.round(seconds * 1000), null);
        } catch (IOException e) {
            return Outcome.failed("cannot finalise: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted while finalising");
        }
    }

    private Run join(String recordingId, Path dir, List<Path> segments) throws IOException, InterruptedException {
        var list = new StringBuilder();
        for (Path segment : segments) {
            list.append("file '").append(segment.getFileName()).append("'\n");
        }
        Files.writeString(dir.resolve(RecordingCommands.LIST), list);
        return run("rec-join-" + recordingId, RecordingCommands.concat(settings.ffmpeg(), dir));
    }

    /** Non-empty segments in recording order (run, then number). */
    static List<Path> segments(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("part-\\d{4}-\\d{6}\\.ts"))
                    .filter(p -> p.toFile().length() > 0)
                    .sorted()
                    .toList();
        }
    }

    /** ffprobe's answer: the duration in seconds, or its complaint. It runs for a moment only. */
    private String probe(Path mp4) throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(RecordingCommands.duration(settings.ffprobe(), mp4))
                .redirectErrorStream(true)
                .start();
        String out = new String(probe.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        probe.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    private record Run(int exit, String lastLine) {}

    private Run run(String label, List<String> command) throws IOException, InterruptedException {
        List<String> lines = new ArrayList<>();
        ChildProcess process = ChildProcess.start(
                label,
                command,
                settings.runDir(),
                settings.threads(),
                line -> {
                    synchronized (lines) {
                        lines.add(line);
                    }
                },
                line -> {
                    synchronized (lines) {
                        lines.add(line);
                    }
                });
        try {
            int exit = process.onExit().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (lines) {
                return new Run(exit, lines.isEmpty() ? "" : lines.get(lines.size() - 1));
            }
        } catch (ExecutionException | TimeoutException e) {
            process.stop(Duration.ofSeconds(5));
            return new Run(-1, "ffmpeg did not finish: " + e);
        }
    }
}
