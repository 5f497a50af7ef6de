package org.headend.ingest.control;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** An input listener's last words turned into a sentence an operator can act on. */
final class ListenerErrors {

    private ListenerErrors() {}

    static String explain(int exitCode, List<String> run) {
        String all = lowerCase(run);
        if (all.contains("address already in use")) {
            return "The port is taken by another program on this host.";
        }
        var refused = refusedSender(run);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (all.contains("not currently supported in container")
                || all.contains("codec not currently supported")
                || all.contains("could not write header")) {
            return "The input's video cannot be taken as is: send H.264 video.";
        }
        if (all.contains("no such device") || all.contains("cannot assign requested address")) {
            return "The network interface to join the multicast group on is not usable.";
        }
        if (all.contains("connection refused")) {
            return "The input could not be handed to the local nginx-rtmp.";
        }
        return "The listener stopped (ffmpeg exit code " + exitCode + ").";
    }

    /** Why a sender was turned away at the SRT handshake, if one was. */
    static Optional<String> refusedSender(List<String> run) {
        String all = lowerCase(run);
        if (all.contains("incorrect passphrase") || all.contains("badsecret")) {
            return Optional.of("A sender was refused: wrong passphrase.");
        }
        return Optional.empty();
    }

    private static String lowerCase(List<String> run) {
        return String.join("\n", run).toLowerCase(Locale.ROOT);
    }
}
