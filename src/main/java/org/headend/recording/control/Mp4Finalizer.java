package org.headend.recording.control;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.headend.platform.process.MediaTools;
import org.headend.platform.process.ProcessSpec;
import org.headend.platform.process.ProcessSupervisor;
import org.headend.platform.process.RunResult;

/**
 * Joins a recording's segments into one MP4 with its index first, without re-encoding. A last
 * segment cut short by a crash that ffmpeg cannot join is left out rather than losing the rest.
 * The segments are deleted only once the MP4 is measured, so a crash here is finalised again.
 */
final class Mp4Finalizer {

    private static final Duration JOIN_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

    /** The outcome: the MP4's size and duration, or why there is none. */
    record Outcome(boolean ready, long bytes, long millis, String reason) {
        static Outcome failed(String reason) {
            return new Outcome(false, 0, 0, reason);
        }
    }

    private final ProcessSupervisor processes;
    private final MediaTools tools;

    Mp4Finalizer(ProcessSupervisor processes, MediaTools tools) {
        this.processes = processes;
        this.tools = tools;
    }

    Outcome finalise(String recordingId, Path dir) {
        try {
            List<Path> segments = segments(dir);
            Path mp4 = dir.resolve(RecordingCommands.MP4);
            if (segments.isEmpty() && !Files.exists(mp4)) {
                return Outcome.failed("no media was recorded");
            }
            if (!segments.isEmpty()) {
                RunResult joined = join(recordingId, dir, segments);
                if (!joined.succeeded() && segments.size() > 1) {
                    joined = join(recordingId, dir, segments.subList(0, segments.size() - 1));
                }
                if (!joined.succeeded()) {
                    return Outcome.failed("ffmpeg could not join the segments: " + lastLine(joined));
                }
            }
            String probed = probe(recordingId, mp4);
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

    private RunResult join(String recordingId, Path dir, List<Path> segments) throws IOException, InterruptedException {
        var list = new StringBuilder();
        for (Path segment : segments) {
            list.append("file '").append(segment.getFileName()).append("'\n");
        }
        Files.writeString(dir.resolve(RecordingCommands.LIST), list);
        return processes.run(
                ProcessSpec.of("rec-join-" + recordingId, RecordingCommands.concat(tools.ffmpeg(), dir)), JOIN_TIMEOUT);
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
    private String probe(String recordingId, Path mp4) throws IOException, InterruptedException {
        RunResult probed = processes.run(
                ProcessSpec.of("rec-probe-" + recordingId, RecordingCommands.duration(tools.ffprobe(), mp4)),
                PROBE_TIMEOUT);
        if (probed.timedOut()) {
            return "ffprobe did not answer within " + PROBE_TIMEOUT.toSeconds() + " s";
        }
        if (probed.succeeded()) {
            return String.join("\n", probed.stdout());
        }
        List<String> said = new ArrayList<>(probed.stdout());
        said.addAll(probed.stderr());
        return String.join("\n", said);
    }

    /** Why a join failed, in ffmpeg's last words. */
    private static String lastLine(RunResult run) {
        if (run.timedOut()) {
            return "ffmpeg did not finish within " + JOIN_TIMEOUT.toMinutes() + " min";
        }
        List<String> said = run.stderr().isEmpty() ? run.stdout() : run.stderr();
        return said.isEmpty() ? "exit code " + run.exitCode() : said.get(said.size() - 1);
    }
}
