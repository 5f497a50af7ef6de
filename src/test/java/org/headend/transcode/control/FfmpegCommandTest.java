package org.headend.transcode.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.headend.stream.entity.InputInfo;
import org.headend.transcode.entity.Ladder;
import org.headend.transcode.entity.Rendition;
import org.junit.jupiter.api.Test;

class FfmpegCommandTest {

    static final String INPUT_URL = "rtmp://127.0.0.1:1935/live/townhall";
    static final HlsSettings HLS = new HlsSettings(4, 6);
    static final Path OUT = Path.of("/var/hls/townhall");
    static final InputInfo HD_60FPS = new InputInfo("H264", "AAC", 1920, 1080, 60, 6000, 5800, true);
    static final InputInfo HD_SILENT = new InputInfo("H264", null, 1920, 1080, 25, 6000, 6000, false);
    static final ThumbnailOutput THUMBNAIL =
            new ThumbnailOutput(Path.of("/var/thumbnails/5f0c.jpg"), Duration.ofSeconds(2), 320);

    static Ladder defaultLadder() {
        return new Ladder(
                "default",
                false,
                List.of(
                        new Rendition("720p", 1280, 720, 3000, 128, 30, "high", "veryfast"),
                        new Rendition("480p", 854, 480, 1400, 128, 30, "main", "veryfast"),
                        new Rendition("360p", 640, 360, 800, 96, 60, "main", "faster")));
    }

    static List<String> build(Ladder ladder, InputInfo input, String url) {
        return FfmpegCommand.build(
                "/usr/bin/ffmpeg",
                url,
                RenditionPlan.of(ladder, input),
                input,
                HLS,
                OUT.toString(),
                THUMBNAIL,
                HostEncoders.x264Only());
    }

    static String after(List<String> args, String option) {
        int at = args.indexOf(option);
        assertTrue(at >= 0 && at + 1 < args.size(), option + " missing in " + args);
        return args.get(at + 1);
    }

    static List<String> valuesOf(List<String> args, String option) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i).equals(option)) {
                values.add(args.get(i + 1));
            }
        }
        return values;
    }

    @Test
    void startsWithTheBinaryAndNeverGoesThroughAShell() {
        for (var cut : List.of(
                build(defaultLadder(), HD_60FPS, INPUT_URL),
                build(new Ladder("passthrough", true, List.of()), HD_60FPS, INPUT_URL))) {
            assertEquals("/usr/bin/ffmpeg", cut.get(0));
            for (String shell : List.of("sh", "bash", "/bin/sh", "/bin/bash")) {
                assertFalse(cut.contains(shell), cut.toString());
            }
            assertTrue(valuesOf(cut, "-c").stream().allMatch("copy"::equals), "'-c' only as the copy codec: " + cut);
        }
    }

    @Test
    void reportsProgressFourTimesASecondSoAFreezeIsSeenWithinASecond() {
        var cut = build(defaultLadder(), HD_60FPS, INPUT_URL);

        assertEquals("pipe:1", after(cut, "-progress"));
        assertEquals("0.25", after(cut, "-stats_period"));
    }

    @Test
    void inputUrlWithOddCharactersStaysOneArgument() {
        String odd = "rtmp://127.0.0.1/live/a b;rm -rf /&x=$(id)\"'";

        var cut = build(defaultLadder(), HD_60FPS, odd);

        assertEquals(odd, after(cut, "-i"));
        assertEquals(1, Collections.frequency(cut, odd));
    }

    @Test
    void decodesOnceAndSplitsIntoOneBranchPerRendition() {
        var cut = build(defaultLadder(), HD_60FPS, INPUT_URL);

        assertEquals(1, Collections.frequency(cut, "-i"));
        String graph = after(cut, "-filter_complex");
        assertTrue(graph.startsWith("[0:v]split=4[s0][s1][s2][s3];"), "and one for the thumbnail: " + graph);
        assertTrue(graph.contains("scale=w=1280:h=720:"), graph);
        assertTrue(graph.contains("scale=w=854:h=480:"), graph);
        assertTrue(graph.contains("scale=w=640:h=360:"), graph);
        assertEquals(List.of("[v0]", "[v1]", "[v2]", "0:a:0", "0:a:0", "0:a:0", "[thumb]"), valuesOf(cut, "-map"));
    }

    @Test
    void fpsFilterOnlyWhereTheSourceIsFasterThanTheRendition() {
        var cut = build(defaultLadder(), HD_60FPS, INPUT_URL);

        String graph = after(cut, "-filter_complex");
        assertTrue(graph.contains("[s0]fps=30,scale"), graph);
        assertTrue(graph.contains("[s1]fps=30,scale"), graph);
        assertTrue(graph.contains("[s2]scale"), "360p allows 60 fps, the source has 60: " + graph);
    }

    @Test
    void noFpsFilterWhenTheSourceIsSlowerThanEveryRendition() {
        var input = new InputInfo("H264", "AAC", 1920, 1080, 29.97, 6000, 5800, true);

        String graph = after(build(defaultLadder(), input, INPUT_URL), "-filter_complex");

        String renditions = graph.substring(0, graph.indexOf(";[s3]"));
        assertFalse(renditions.contains("fps="), graph);
    }

    @Test
    void encoderSettingsPerRendition() {
        var cut = build(defaultLadder(), HD_60FPS, INPUT_URL);

        assertEquals("3000k", after(cut, "-b:v:0"));
        assertEquals("3300k", after(cut, "-maxrate:v:0"));
        assertEquals("6000k", after(cut, "-bufsize:v:0"));
        assertEquals("high", after(cut, "-profile:v:0"));
        assertEquals("veryfast", after(cut, "-preset:v:0"));
        assertEquals("1400k", after(cut, "-b:v:1"));
        assertEquals("main", after(cut, "-profile:v:1"));
        assertEquals("800k", after(cut, "-b:v:2"));
        assertEquals("880k", after(cut, "-maxrate:v:2"));
        assertEquals("1600k", after(cut, "-bufsize:v:2"));
        assertEquals("faster", after(cut, "-preset:v:2"));
        assertEquals("96k", after(cut, "-b:a:2"));
        assertEquals(
                List.of("libx264", "libx264", "libx264"),
                List.of(after(cut, "-c:v:0"), after(cut, "-c:v:1"), after(cut, "-c:v:2")));
        assertEquals("yuv420p", after(cut, "-pix_fmt:v:2"));
        assertEquals("0", after(cut, "-sc_threshold:v:1"), "no keyframe at a scene cut, off the grid");
        assertEquals("aac", after(cut, "-c:a"));
    }

    @Test
    void variantStreamMapNamesEveryRendition() {
        var cut = build(defaultLadder(), HD_60FPS, INPUT_URL);

        assertEquals("v:0,a:0,name:720p v:1,a:1,name:480p v:2,a:2,name:360p", after(cut, "-var_stream_map"));
        assertEquals("master.m3u8", after(cut, "-master_pl_name"));
        assertEquals(OUT.resolve("%v").resolve("index.m3u8").toString(), cut.get(cut.lastIndexOf("-map") - 1));
        assertEquals(OUT.resolve("%v").resolve("seg_%d.ts").toString(), after(cut, "-hls_segment_filename"));
    }

    @Test
    void noAudioMapsOrSettingsWithoutAudio() {
        var cut = build(defaultLadder(), HD_SILENT, INPUT_URL);

        assertEquals(List.of("[v0]", "[v1]", "[v2]", "[thumb]"), valuesOf(cut, "-map"));
        assertFalse(cut.contains("-c:a"), cut.toString());
        assertFalse(cut.contains("-b:a:0"), cut.toString());
        assertEquals("v:0,name:720p v:1,name:480p v:2,name:360p", after(cut, "-var_stream_map"));
    }

    @Test
    void hlsFlagsAndKeyframesFollowTheSegmentLength() {
        var cut = build(defaultLadder(), HD_60FPS, INPUT_URL);

        assertEquals("hls", after(cut, "-f"));
        assertEquals("4", after(cut, "-hls_time"));
        assertEquals("6", after(cut, "-hls_list_size"));
        List<String> flags = List.of(after(cut, "-hls_flags").split("\\+"));
        assertTrue(
                flags.containsAll(List.of("program_date_time", "independent_segments", "delete_segments")),
                flags.toString());
    }

    @Test
    void firstSegmentIsOneSecondAndTheKeyframeGridFollowsIt() {
        var cut = build(defaultLadder(), HD_60FPS, INPUT_URL);

        assertEquals("1", after(cut, "-hls_init_time"));
        assertEquals(
                "expr:gte(t,if(eq(n_forced,0),0,1+(n_forced-1)*4))",
                after(cut, "-force_key_frames"),
                "keyframes at 0, 1, 5, 9, ... s: a 1 s first segment, then 4 s ones");
        assertEquals("keyint=infinite", after(cut, "-x264-params:v:0"), "no keyframe off the grid, no extra cut");
        assertEquals("keyint=infinite", after(cut, "-x264-params:v:2"));
    }

    @Test
    void oneSecondSegmentsHaveNoShorterFirstOne() {
        var oneSecond = new HlsSettings(1, 6);

        var cut = FfmpegCommand.build(
                "/usr/bin/ffmpeg",
                INPUT_URL,
                RenditionPlan.of(defaultLadder(), HD_60FPS),
                HD_60FPS,
                oneSecond,
                OUT.toString(),
                THUMBNAIL,
                HostEncoders.x264Only());

        assertFalse(cut.contains("-hls_init_time"), cut.toString());
        assertEquals("expr:gte(t,n_forced*1)", after(cut, "-force_key_frames"));
    }

    @Test
    void passthroughKeepsFullSegmentsFromTheStart() {
        var cut = build(new Ladder("passthrough", true, List.of()), HD_60FPS, INPUT_URL);

        assertFalse(cut.contains("-hls_init_time"), "copied video is cut at the publisher's keyframes: " + cut);
        assertFalse(cut.contains("-force_key_frames"), cut.toString());
        assertFalse(cut.stream().anyMatch(a -> a.startsWith("-x264-params")), cut.toString());
    }

    @Test
    void joinsQuicklyAndStartsOnTheFirstKeyframeWithoutGuessingTheFrameRateFromFrames() {
        for (var cut : List.of(
                build(defaultLadder(), HD_60FPS, INPUT_URL),
                build(new Ladder("passthrough", true, List.of()), HD_60FPS, INPUT_URL))) {
            assertEquals("0", after(cut, "-fpsprobesize"));
            assertTrue(cut.indexOf("-fpsprobesize") < cut.indexOf("-i"), "an input option: " + cut);
            assertEquals("1", after(cut, "-tcp_nodelay"));
            assertTrue(cut.indexOf("-tcp_nodelay") < cut.indexOf("-i"), "an input option: " + cut);
            assertFalse(
                    cut.stream().anyMatch(a -> a.contains("nobuffer")),
                    "the packets read while probing, the first keyframe among them, are kept: " + cut);
        }
    }

    @Test
    void aTranscoderStartedBeforeTheInputIsKnownFitsASourceAsLargeAsTheLadder() {
        var guess = build(defaultLadder(), InputInfo.UNKNOWN, INPUT_URL);

        assertEquals(
                guess,
                build(defaultLadder(), new InputInfo("H264", "AAC", 1280, 720, 30, 3000, 2800, true), INPUT_URL));
        assertEquals(
                guess,
                build(defaultLadder(), new InputInfo("H264", "AAC", 1920, 1080, 25, 6000, 5800, true), INPUT_URL));
        var smaller = new InputInfo("H264", "AAC", 854, 480, 30, 1500, 1400, true);
        assertNotEquals(guess, build(defaultLadder(), smaller, INPUT_URL), "720p is skipped for a 480p source");
        assertNotEquals(guess, build(defaultLadder(), HD_SILENT, INPUT_URL), "no audio to map");
        assertNotEquals(guess, build(defaultLadder(), HD_60FPS, INPUT_URL), "60 fps is thinned to 30");
    }

    @Test
    void passthroughCopiesIntoOneSourceVariant() {
        var cut = build(new Ladder("passthrough", true, List.of()), HD_60FPS, INPUT_URL);

        assertEquals("copy", after(cut, "-c"));
        assertEquals(List.of("0:v:0", "0:a:0"), valuesOf(cut, "-map"));
        assertEquals("v:0,a:0,name:source", after(cut, "-var_stream_map"));
        assertFalse(cut.contains("-filter_complex"), cut.toString());
        assertFalse(cut.stream().anyMatch(a -> a.startsWith("-c:v")), cut.toString());
        assertEquals("4", after(cut, "-hls_time"));
    }

    @Test
    void passthroughWithoutAudioMapsVideoOnly() {
        var cut = build(new Ladder("passthrough", true, List.of()), HD_SILENT, INPUT_URL);

        assertEquals(List.of("0:v:0"), valuesOf(cut, "-map"));
        assertEquals("v:0,name:source", after(cut, "-var_stream_map"));
    }

    @Test
    void thumbnailIsAThinnedScaledBranchOfTheSameDecode() {
        var cut = build(defaultLadder(), HD_60FPS, INPUT_URL);

        assertEquals(1, Collections.frequency(cut, "-i"), "no second decode of the source");
        String graph = after(cut, "-filter_complex");
        assertTrue(
                graph.endsWith(";[s3]fps=1000/2000,scale=w='trunc(min(320,iw)/2)*2':h=-2:out_range=full,"
                        + "format=yuv420p[thumb]"),
                "one frame per interval, 320 wide at most, even sides, aspect kept: " + graph);
        List<String> output = cut.subList(cut.lastIndexOf("-map"), cut.size());
        assertEquals(
                List.of(
                        "-map",
                        "[thumb]",
                        "-c:v",
                        "mjpeg",
                        "-strict",
                        "unofficial",
                        "-q:v",
                        "5",
                        "-f",
                        "image2",
                        "-update",
                        "1",
                        "-atomic_writing",
                        "1",
                        "-y",
                        "/var/thumbnails/5f0c.jpg"),
                output);
    }

    @Test
    void thumbnailIntervalBelowASecondIsAFrameRateAboveOne() {
        var fast = new ThumbnailOutput(THUMBNAIL.file(), Duration.ofMillis(500), 160);

        assertTrue(ThumbnailCommand.filter(fast).startsWith("fps=1000/500,scale=w='trunc(min(160,iw)/2)*2'"));
    }

    @Test
    void passthroughWritesNoThumbnail() {
        var cut = build(new Ladder("passthrough", true, List.of()), HD_60FPS, INPUT_URL);

        assertFalse(cut.contains("mjpeg"), cut.toString());
        assertFalse(cut.contains(THUMBNAIL.file().toString()), cut.toString());
    }

    @Test
    void grabTakesOneVideoFrameFromThePlayUrlIntoTheSameFile() {
        var cut = ThumbnailCommand.grab("/usr/bin/ffmpeg", INPUT_URL, THUMBNAIL);

        assertEquals("/usr/bin/ffmpeg", cut.get(0));
        assertEquals(INPUT_URL, after(cut, "-i"));
        assertEquals("1", after(cut, "-frames:v"));
        assertTrue(cut.contains("-an"), cut.toString());
        assertTrue(after(cut, "-rw_timeout").matches("\\d+"), "a dead input ends the grab: " + cut);
        assertTrue(after(cut, "-vf").startsWith("scale=w='trunc(min(320,iw)/2)*2'"), cut.toString());
        assertEquals("1", after(cut, "-atomic_writing"));
        assertEquals(THUMBNAIL.file().toString(), cut.get(cut.size() - 1));
    }
}
