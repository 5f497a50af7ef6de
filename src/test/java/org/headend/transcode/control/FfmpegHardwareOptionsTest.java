package org.headend.transcode.control;

import static org.headend.transcode.control.FfmpegCommandTest.HD_60FPS;
import static org.headend.transcode.control.FfmpegCommandTest.HLS;
import static org.headend.transcode.control.FfmpegCommandTest.INPUT_URL;
import static org.headend.transcode.control.FfmpegCommandTest.THUMBNAIL;
import static org.headend.transcode.control.FfmpegCommandTest.after;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What can be proven of the hardware commands without a GPU: every option and filter they use
 * exists, under that name, in the local ffmpeg (Debian's has NVENC, VAAPI and QSV compiled in
 * without a device), each encoder option among that encoder's own or the generic ones, each named
 * value (a preset, a profile, a rate-control mode) among the option's values; and QSV's scale
 * expressions give the same sizes as the other scalers' force_original_aspect_ratio, evaluated by
 * ffmpeg's own CPU scaler. Skipped where ffmpeg, or one of the encoders, is absent.
 */
class FfmpegHardwareOptionsTest {

    static final Pattern OPTION = Pattern.compile("^\\s+-?(\\S+)\\s+<\\w+>");
    static final Pattern VALUE = Pattern.compile("^\\s{4,}(\\S+)\\s+");
    static final Pattern TOOL_OPTION = Pattern.compile("^-(\\S+)\\s");

    static String ffmpeg;
    static String full;
    static Map<String, Set<String>> codecOptions;
    static Map<String, Set<String>> filterOptions;

    @BeforeAll
    static void findFfmpeg() {
        ffmpeg = Path.of("/usr/bin/ffmpeg").toString();
        assumeTrue(Files.isExecutable(Path.of(ffmpeg)), "no ffmpeg here");
        full = run("-h", "full");
        codecOptions = options(section(full, "AVCodecContext AVOptions:"));
        filterOptions = options(section(full, "AVFilter AVOptions:"));
    }

    static String run(String... args) {
        List<String> command = new ArrayList<>(List.of(ffmpeg, "-hide_banner"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "ffmpeg " + command + " did not end");
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The lines of one "... AVOptions:" block of {@code -h full}. */
    static String section(String help, String title) {
        int start = help.indexOf("\n" + title + "\n");
        assertTrue(start >= 0, title);
        Matcher next = Pattern.compile("\n\\S[^\n]*AVOptions:\n").matcher(help);
        int end = next.find(start + title.length() + 1) ? next.start() : help.length();
        return help.substring(start, end);
    }

    /** Option name to its named values, from ffmpeg's help layout. */
    static Map<String, Set<String>> options(String help) {
        Map<String, Set<String>> options = new HashMap<>();
        String current = null;
        for (String line : help.split("\n")) {
            Matcher option = OPTION.matcher(line);
            Matcher value = VALUE.matcher(line);
            if (option.find()) {
                current = option.group(1);
                options.putIfAbsent(current, new java.util.HashSet<>());
            } else if (current != null && value.find()) {
                options.get(current).add(value.group(1));
            }
        }
        return options;
    }

    static final Map<String, Map<String, Set<String>>> ENCODERS = new HashMap<>();

    static Map<String, Set<String>> encoder(String name) {
        return ENCODERS.computeIfAbsent(name, n -> {
            String help = run("-h", "encoder=" + n);
            assumeTrue(help.contains("Encoder " + n + " "), "this ffmpeg has no " + n);
            return options(help);
        });
    }

    static List<String> command(String... encoders) {
        List<Rendition> renditions = new ArrayList<>();
        String[] profiles = {"high", "main", "baseline"};
        String[] presets = {"veryfast", "slow", "ultrafast"};
        for (int i = 0; i < encoders.length; i++) {
            renditions.add(
                    new Rendition("r" + i, 1280, 720, 3000, 128, 30, profiles[i % 3], presets[i % 3], encoders[i]));
        }
        return FfmpegCommand.build(
                ffmpeg,
                INPUT_URL,
                RenditionPlan.of(new Ladder("hw", false, renditions), HD_60FPS),
                HD_60FPS,
                HLS,
                "http://127.0.0.1:8089/put/townhall",
                THUMBNAIL,
                FfmpegHardwareCommandTest.EVERYTHING);
    }

    @Test
    void everyEncoderOptionIsTheEncodersOwnOrGenericAndEveryNamedValueIsOneOfItsValues() {
        // Each encoder three times, so baseline, main and high and three presets each appear.
        for (String[] ladder : List.of(
                new String[] {"nvenc", "nvenc", "nvenc"},
                new String[] {"vaapi", "vaapi", "vaapi"},
                new String[] {"qsv", "qsv", "qsv"},
                new String[] {"x264", "x264", "x264"},
                new String[] {"vaapi", "qsv", "nvenc"})) {
            var cut = command(ladder);
            for (int i = 0; i + 1 < cut.size(); i++) {
                String arg = cut.get(i);
                Matcher perStream = Pattern.compile("^-([\\w-]+):v:(\\d+)$").matcher(arg);
                if (!perStream.matches() || perStream.group(1).equals("c")) {
                    continue;
                }
                String encoderName = after(cut, "-c:v:" + perStream.group(2));
                String option = perStream.group(1);
                String value = cut.get(i + 1);
                Set<String> values = encoder(encoderName).get(option);
                if (values == null) {
                    values = codecOptions.get(option);
                }
                if (values == null && option.equals("pix_fmt")) {
                    continue; // an option of ffmpeg itself, checked below
                }
                assertTrue(values != null, "-" + option + " is not an option of " + encoderName);
                if (!value.matches("-?\\d+k?") && !values.isEmpty()) {
                    assertTrue(
                            values.contains(value),
                            encoderName + " -" + option + " has no value " + value + ": " + values);
                }
            }
        }
    }

    @Test
    void everyOtherOptionIsOneFfmpegKnows() {
        var cut = command("x264", "nvenc", "vaapi", "qsv");
        for (String arg : cut.subList(1, cut.size())) {
            if (!arg.matches("-[a-z][\\w-]*(:.*)?") || arg.equals("-i")) { // -i: the input, in no help list
                continue;
            }
            String name = arg.substring(1).replaceFirst(":.*", "");
            // -nostdin, -nostats: ffmpeg's own boolean options, negated by a "no" prefix.
            String positive = name.startsWith("no") ? name.substring(2) : name;
            boolean tool = full.lines()
                    .anyMatch(l -> TOOL_OPTION.matcher(l).find()
                            && (l.startsWith("-" + name + " ") || l.startsWith("-" + positive + " ")));
            boolean avOption = full.lines().anyMatch(l -> l.matches("\\s+-" + Pattern.quote(name) + "\\s+<.*"));
            assertTrue(tool || avOption, arg + " is unknown to this ffmpeg");
        }
    }

    @Test
    void everyFilterAndFilterOptionExists() {
        var cut = command("x264", "nvenc", "vaapi", "qsv");
        String graph = after(cut, "-filter_complex").replaceAll("\\[[^\\]]*]", "");
        for (String chain : graph.split(";")) {
            for (String filter : splitOutsideQuotes(chain, ',')) {
                String[] nameAndArgs = filter.split("=", 2);
                String help = run("-h", "filter=" + nameAndArgs[0]);
                assertTrue(!help.startsWith("Unknown filter"), filter);
                Map<String, Set<String>> own = options(help);
                if (nameAndArgs.length == 1) {
                    continue;
                }
                for (String arg : splitOutsideQuotes(nameAndArgs[1], ':')) {
                    if (!arg.contains("=")) {
                        continue; // a positional value: split's count, fps's rate, format's name
                    }
                    String key = arg.substring(0, arg.indexOf('='));
                    assertTrue(
                            own.containsKey(key) || filterOptions.containsKey(key),
                            nameAndArgs[0] + " has no option " + key);
                }
            }
        }
    }

    static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        var part = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    @ParameterizedTest
    @CsvSource({"1920x1080", "1440x1080", "1080x1920", "1280x720", "640x360", "720x576"})
    void qsvScaleExpressionsFitLikeTheOtherScalers(String source) {
        var r = new Rendition("r", 1280, 720, 3000, 128, 30, "main", "fast", "qsv");
        String qsv = EncoderFilters.scale(org.headend.transcode.entity.VideoEncoder.QSV, r, Set.of())
                .replaceFirst(".*scale_qsv=", "scale=");
        String x264 = EncoderFilters.scale(org.headend.transcode.entity.VideoEncoder.X264, r, Set.of());

        assertEquals(outputSize(source, x264), outputSize(source, qsv), qsv);
    }

    static String outputSize(String source, String scale) {
        String log = run(
                "-f",
                "lavfi",
                "-i",
                "color=size=" + source + ":duration=0.04",
                "-vf",
                scale + ",showinfo",
                "-f",
                "null",
                "-");
        Matcher size = Pattern.compile(" s:(\\d+x\\d+) ").matcher(log);
        assertTrue(size.find(), log);
        return size.group(1);
    }
}
