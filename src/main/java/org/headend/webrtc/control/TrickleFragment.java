package org.headend.webrtc.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;

/**
 * The body of a WHIP PATCH ({@code application/trickle-ice-sdpfrag}, RFC 8840): the ICE
 * credentials it is for, the candidates by media section, and whether gathering ended. Candidates
 * come out as Janus takes them ({@code candidate}, {@code sdpMid}, {@code sdpMLineIndex}).
 */
public record TrickleFragment(String iceUfrag, String icePwd, JsonArray candidates, boolean completed) {

    /** Where a fragment names other credentials than the offer's, the client restarts ICE. */
    public boolean restartsIce(WhipOffer offer) {
        return (iceUfrag != null && !iceUfrag.equals(offer.iceUfrag()))
                || (icePwd != null && !icePwd.equals(offer.icePwd()));
    }

    public static TrickleFragment parse(String body, WhipOffer offer) throws WhipOffer.Invalid {
        if (body == null || body.length() > WhipOffer.MAX_BYTES) {
            throw new WhipOffer.Invalid("The body must be an SDP fragment of at most 64 KB.");
        }
        String ufrag = null;
        String pwd = null;
        String mid = offer.mids().isEmpty() ? null : offer.mids().get(0);
        boolean completed = false;
        JsonArrayBuilder candidates = Json.createArrayBuilder();
        for (String raw : body.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw new WhipOffer.Invalid("The SDP fragment has a line that is not 'x=value'.");
            }
            if (line.startsWith("a=ice-ufrag:")) {
                ufrag = line.substring("a=ice-ufrag:".length()).strip();
            } else if (line.startsWith("a=ice-pwd:")) {
                pwd = line.substring("a=ice-pwd:".length()).strip();
            } else if (line.startsWith("a=mid:")) {
                mid = line.substring("a=mid:".length()).strip();
            } else if (line.startsWith("a=end-of-candidates")) {
                completed = true;
            } else if (line.startsWith("a=candidate:")) {
                var candidate = Json.createObjectBuilder().add("candidate", line.substring(2));
                if (mid != null) {
                    candidate.add("sdpMid", mid);
                    int index = offer.indexOf(mid);
                    candidate.add("sdpMLineIndex", Math.max(index, 0));
                }
                candidates.add(candidate);
            }
        }
        return new TrickleFragment(ufrag, pwd, candidates.build(), completed);
    }
}
