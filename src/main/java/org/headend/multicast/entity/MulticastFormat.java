package org.headend.multicast.entity;

/** How a sender frames MPEG-TS on the wire: bare UDP datagrams, or RTP (RFC 2250, payload type 33). */
public enum MulticastFormat {
    UDP,
    RTP
}
