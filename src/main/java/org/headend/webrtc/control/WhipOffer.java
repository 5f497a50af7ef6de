package org.headend.webrtc.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A WHIP publisher's SDP offer, checked before any Janus session is opened: SDP text of bounded
 * size with ICE credentials and a DTLS fingerprint, an H.264 video section (the bridge copies
 * video into FLV, which carries H.264 only) and optionally an Opus audio section. Audio-only
 * offers are refused: a stream's ladder and HLS need video. Its media sections' mids, in order,
 * place trickled candidates; its ICE credentials tell a trickle from an ICE restart.
 */
public record WhipOffer(String sdp, List<String> mids, boolean audio, String iceUfrag, String icePwd) {

    /** A browser's offer is 4-10 KB; anything much larger is not an offer. */
    public static final int MAX_BYTES = 64 * 1024;

    /** Why an offer cannot be taken; the message is safe to show to the caller. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        public Invalid(String message) {
            super(message);
        }
    }

    public WhipOffer {
        mids = List.copyOf(mids);
    }

    public static WhipOffer parse(String text) throws Invalid {
        if (text == null || text.isBlank()) {
            throw new Invalid("The body must be an SDP offer.");
        }
        if (text.length() > MAX_BYTES) {
            throw new Invalid("The SDP offer is larger than " + MAX_BYTES / 1024 + " KB.");
        }
        String[] lines = text.split("\r?\n");
        if (!lines[0].strip().equals("v=0")) {
            throw new Invalid("The body must be an SDP offer beginning with v=0.");
        }
        var sections = new ArrayList<Section>();
        var session = new Section("session");
        Section current = session;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new Invalid("The SDP offer has a line that is not 'x=value'.");
            }
            if (line.startsWith("m=")) {
                current = new Section(line.substring(2).split(" ")[0]);
                sections.add(current);
            } else {
                current.lines.add(line);
            }
        }
        Section video = first(sections, "video");
        if (video == null || !video.hasCodec("h264")) {
            throw new Invalid("The offer must send H.264 video (audio-only and other video codecs are not taken).");
        }
        Section audio = first(sections, "audio");
        String ufrag = video.attribute("ice-ufrag", session.attribute("ice-ufrag", null));
        String pwd = video.attribute("ice-pwd", session.attribute("ice-pwd", null));
        if (ufrag == null || pwd == null) {
            throw new Invalid("The offer has no ICE credentials (a=ice-ufrag, a=ice-pwd).");
        }
        if (video.attribute("fingerprint", session.attribute("fingerprint", null)) == null) {
            throw new Invalid("The offer has no DTLS fingerprint (a=fingerprint).");
        }
        List<String> mids = new ArrayList<>();
        for (Section s : sections) {
            mids.add(s.attribute("mid", Integer.toString(mids.size())));
        }
        return new WhipOffer(text, mids, audio != null && audio.hasCodec("opus"), ufrag, pwd);
    }

    /** The index of the media section with this mid, or -1. */
    public int indexOf(String mid) {
        return mids.indexOf(mid);
    }

    private static Section first(List<Section> sections, String media) {
        return sections.stream().filter(s -> s.media.equals(media)).findFirst().orElse(null);
    }

    private static final class Section {
        final String media;
        final List<String> lines = new ArrayList<>();

        Section(String media) {
            this.media = media;
        }

        String attribute(String name, String otherwise) {
            String prefix = "a=" + name + ":";
            return lines.stream()
                    .filter(l -> l.startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).strip())
                    .findFirst()
                    .orElse(otherwise);
        }

        boolean hasCodec(String codec) {
            return lines.stream().filter(l -> l.startsWith("a=rtpmap:")).anyMatch(l -> l.toLowerCase(Locale.ROOT)
                    .contains(" " + codec + "/"));
        }
    }
}
