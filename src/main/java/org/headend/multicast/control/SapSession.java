package org.headend.multicast.control;

import java.io.IOException;
import org.headend.multicast.entity.MulticastChannel;

/**
 * One sender's SAP session: announced again and again while the sender is live, and deleted once at
 * the end if it was ever announced. After the end nothing more is announced, so an announcement
 * already on its way can never follow the deletion and bring the channel back in VLC's list.
 */
final class SapSession {

    private final SapAnnouncer announcer;
    private final SessionAnnouncement announcement;
    private boolean announced;
    private boolean ended;

    private SapSession(SapAnnouncer announcer, SessionAnnouncement announcement) {
        this.announcer = announcer;
        this.announcement = announcement;
    }

    /** Opens the announcer's socket on the sender's interface, with the sender's TTL. */
    static SapSession open(MulticastChannel channel, String streamName, SenderSettings settings) throws IOException {
        var announcement = Sessions.announcement(channel, streamName, settings);
        return new SapSession(new SapAnnouncer(settings.networkInterface(), settings.ttl()), announcement);
    }

    synchronized void announce() throws IOException {
        if (ended) {
            return;
        }
        announcer.announce(announcement);
        announced = true;
    }

    /** Sends the deletion if the session was announced and closes the socket; only the first call counts. */
    synchronized void end() throws IOException {
        if (ended) {
            return;
        }
        ended = true;
        try {
            if (announced) {
                announcer.delete(announcement);
            }
        } finally {
            announcer.close();
        }
    }
}
