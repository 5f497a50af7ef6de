package org.headend.transcode.control;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.headend.platform.ApiException;
import org.headend.stream.control.StreamNames;
import org.headend.transcode.entity.Rendition;
import org.headend.transcode.entity.VideoEncoder;

/**
 * Checks a ladder before it is stored, so no ffmpeg is ever started from a ladder it would refuse
 * or choke on: even dimensions (x264 needs them for 4:2:0), bitrates and frame rates in bounds,
 * known profiles, presets and encoders, rendition names safe for paths. Whether a host has the
 * encoder a rendition asks for is placement's question, not this one's: hosts come and go.
 */
public final class LadderValidator {

    static final int MAX_RENDITIONS = 8;
    private static final Pattern RENDITION_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    static final Set<String> PROFILES = Set.of("baseline", "main", "high");
    static final Set<String> PRESETS = Set.of("ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow");

    private LadderValidator() {}

    public static void validate(String name, boolean passthrough, List<Rendition> renditions) {
        StreamNames.require("name", name);
        if (passthrough) {
            if (!renditions.isEmpty()) {
                throw ApiException.badRequest("A passthrough ladder copies the source and has no renditions.");
            }
            return;
        }
        if (renditions.isEmpty() || renditions.size() > MAX_RENDITIONS) {
            throw ApiException.badRequest("A ladder needs 1 to " + MAX_RENDITIONS + " renditions.");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < renditions.size(); i++) {
            Rendition r = renditions.get(i);
            String at = "renditions[" + i + "]";
            if (r.name() == null || !RENDITION_NAME.matcher(r.name()).matches()) {
                throw ApiException.invalid(
                        at + ".name", at + ".name must be 1-32 lowercase letters, digits and dashes.");
            }
            if (!names.add(r.name())) {
                throw ApiException.invalid(at + ".name", at + ".name '" + r.name() + "' is used twice.");
            }
            requireEven(at + ".width", r.width(), 32, 3840);
            requireEven(at + ".height", r.height(), 32, 2160);
            requireRange(at + ".videoKbps", r.videoKbps(), 64, 50_000);
            requireRange(at + ".audioKbps", r.audioKbps(), 32, 512);
            requireRange(at + ".maxFps", r.maxFps(), 1, 120);
            if (r.profile() == null || !PROFILES.contains(r.profile())) {
                throw ApiException.invalid(at + ".profile", at + ".profile must be one of " + PROFILES + ".");
            }
            if (r.preset() == null || !PRESETS.contains(r.preset())) {
                throw ApiException.invalid(at + ".preset", at + ".preset must be one of " + PRESETS + ".");
            }
            if (VideoEncoder.of(r.encoder()).isEmpty()) {
                throw ApiException.invalid(
                        at + ".encoder", at + ".encoder must be one of " + VideoEncoder.accepted() + ".");
            }
        }
    }

    private static void requireEven(String field, int value, int min, int max) {
        requireRange(field, value, min, max);
        if (value % 2 != 0) {
            throw ApiException.invalid(
                    field, field + " must be even (H.264 4:2:0 needs even dimensions), got " + value + ".");
        }
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw ApiException.invalid(
                    field, field + " must be between " + min + " and " + max + ", got " + value + ".");
        }
    }
}
