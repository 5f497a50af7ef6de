package org.headend.worker.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.headend.worker.entity.WorkerCapabilities;

/**
 * Reads what {@link #SCRIPT} printed on a worker into its capabilities. The script prints
 * sections ({@code == name}) so that one missing tool leaves an empty section, not a shifted
 * output. An encoder in ffmpeg's list only says ffmpeg was built with it; whether a device backs
 * it ({@code /dev/dri/renderD*}, an NVIDIA GPU) is told apart, for placement to weigh.
 */
final class CapabilityParser {

    static final Set<String> H264_ENCODERS = Set.of("libx264", "h264_nvenc", "h264_vaapi", "h264_qsv");

    static final String NO_FFMPEG = "headend-no-ffmpeg";

    /** One exec that asks everything; each tool's failure only empties its own section. */
    static final String SCRIPT = String.join(
            "\n",
            "command -v ffmpeg >/dev/null 2>&1 || echo " + NO_FFMPEG,
            "echo '== version'; ffmpeg -hide_banner -version 2>/dev/null | head -n 1",
            "echo '== encoders'; ffmpeg -hide_banner -encoders 2>/dev/null"
                    + " | grep -E '^ *V[^ ]* +(libx264|h264_nvenc|h264_vaapi|h264_qsv) '",
            "echo '== devices'; ls -d /dev/dri/renderD* 2>/dev/null",
            "echo '== nvidia'; if nvidia-smi -L >/dev/null 2>&1; then echo yes; else echo no; fi",
            "echo '== cores'; nproc 2>/dev/null || getconf _NPROCESSORS_ONLN",
            "echo '== load'; cat /proc/loadavg",
            "exit 0");

    private CapabilityParser() {}

    static WorkerCapabilities parse(String output) throws WorkerLinkException {
        Map<String, List<String>> sections = sections(output);
        if (sections.getOrDefault("", List.of()).contains(NO_FFMPEG)) {
            throw new WorkerLinkException("ffmpeg is not installed on the worker (or not on the PATH of its user)");
        }
        List<String> version = sections.getOrDefault("version", List.of());
        if (version.isEmpty()) {
            throw new WorkerLinkException("ffmpeg on the worker does not tell its version: is it broken?");
        }
        return new WorkerCapabilities(
                ffmpegVersion(version.get(0)),
                h264Encoders(sections.getOrDefault("encoders", List.of())),
                sections.getOrDefault("devices", List.of()).stream()
                        .filter(d -> d.startsWith("/dev/dri/renderD"))
                        .sorted()
                        .toList(),
                sections.getOrDefault("nvidia", List.of()).contains("yes"),
                cores(sections.getOrDefault("cores", List.of())),
                load(String.join(" ", sections.getOrDefault("load", List.of()))));
    }

    /** The one-minute load average, the first field of {@code /proc/loadavg}. */
    /** The H.264 encoders in {@code ffmpeg -encoders} lines (" V....D libx264  ..."). */
    static Set<String> h264Encoders(List<String> lines) {
        var encoders = new TreeSet<String>();
        for (String line : lines) {
            String[] words = line.strip().split("\\s+");
            if (words.length > 1 && H264_ENCODERS.contains(words[1])) {
                encoders.add(words[1]);
            }
        }
        return encoders;
    }

    static double load(String loadavg) throws WorkerLinkException {
        String first = loadavg.strip().split("\\s+")[0];
        try {
            return Double.parseDouble(first);
        } catch (NumberFormatException e) {
            throw new WorkerLinkException("the worker's load average cannot be read: " + abbreviate(loadavg));
        }
    }

    /** {@code ffmpeg version 5.1.9-0+deb12u1 Copyright ...} gives {@code 5.1.9-0+deb12u1}. */
    private static String ffmpegVersion(String line) {
        String[] words = line.strip().split("\\s+");
        return words.length > 2 && words[0].equals("ffmpeg") && words[1].equals("version")
                ? words[2]
                : abbreviate(line.strip());
    }

    private static int cores(List<String> lines) throws WorkerLinkException {
        try {
            return Integer.parseInt(lines.isEmpty() ? "" : lines.get(0).strip());
        } catch (NumberFormatException e) {
            throw new WorkerLinkException("the worker does not tell how many cores it has");
        }
    }

    private static Map<String, List<String>> sections(String output) {
        var sections = new HashMap<String, List<String>>();
        List<String> current = new ArrayList<>();
        sections.put("", current);
        for (String line : output.split("\n")) {
            if (line.startsWith("== ")) {
                current = new ArrayList<>();
                sections.put(line.substring(3).strip(), current);
            } else if (!line.isBlank()) {
                current.add(line.stripTrailing());
            }
        }
        return sections;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
