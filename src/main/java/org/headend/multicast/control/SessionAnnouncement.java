package org.headend.multicast.control;

import java.net.InetAddress;
import org.headend.multicast.entity.MulticastFormat;

/**
 * One multicast channel as SAP announces it: the SDP (RFC 8866) a receiver such as VLC needs to join the sender's
 * group. Bare UDP is described the way VLC announces its own UDP streams ("udp 33" with the MP2T rtpmap), so VLC's
 * SAP list opens it as udp://@group:port; RTP is the standard RTP/AVP 33 of RFC 3551.
 */
public record SessionAnnouncement(long sessionId, String sessionName, InetAddress origin, SenderSettings settings) {

    private static final String CRLF = "\r\n";

    public String sdp() {
        String group = settings.group().getHostAddress();
        String proto = settings.format() == MulticastFormat.RTP ? "RTP/AVP" : "udp";
        return "v=0" + CRLF
                + "o=- " + Long.toUnsignedString(sessionId) + " 1 IN IP4 " + origin.getHostAddress() + CRLF
                + "s=" + oneLine(sessionName) + CRLF
                + "c=IN IP4 " + group + "/" + settings.ttl() + CRLF
                + "t=0 0" + CRLF
                + "a=tool:Headend" + CRLF
                + "a=type:broadcast" + CRLF
                + "a=recvonly" + CRLF
                + "m=video " + settings.port() + " " + proto + " 33" + CRLF
                + "a=rtpmap:33 MP2T/90000" + CRLF;
    }

    // A line break in a name would end the s= line and corrupt the description.
    private static String oneLine(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\r\\n]+", " ").strip();
        return clean.isEmpty() ? "-" : clean;
    }
}
