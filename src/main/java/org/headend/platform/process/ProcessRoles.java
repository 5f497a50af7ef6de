package org.headend.platform.process;

import java.util.List;

/** The roles a process plays in the work of a stream, as the API names them, in display order. */
public final class ProcessRoles {

    public static final String PACKAGER = "packager";
    public static final String BACKUP_PACKAGER = "backup-packager";
    public static final String OUTPUT = "output";
    public static final String RECORDING = "recording";
    public static final String RELAY = "relay";
    public static final String MULTICAST_SOURCE = "multicast-source";
    /** Carries a live stream into Janus for its WebRTC viewers (WHEP, the watch page's "Low latency"). */
    public static final String WEBRTC_BRIDGE = "webrtc-bridge";

    private static final List<String> ORDER =
            List.of(RELAY, PACKAGER, BACKUP_PACKAGER, OUTPUT, RECORDING, MULTICAST_SOURCE, WEBRTC_BRIDGE);

    private ProcessRoles() {}

    /** Every role, in display order. */
    public static List<String> all() {
        return ORDER;
    }

    static int order(String role) {
        int at = ORDER.indexOf(role);
        return at < 0 ? ORDER.size() : at;
    }
}
