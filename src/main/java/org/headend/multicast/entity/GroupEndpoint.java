package org.headend.multicast.entity;

/** A multicast group and UDP port, e.g. 239.255.0.1:30000: what two senders may never share. */
public record GroupEndpoint(String group, int port) {

    @Override
    public String toString() {
        return group + ":" + port;
    }
}
