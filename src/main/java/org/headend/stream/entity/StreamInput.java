package org.headend.stream.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where a stream's media comes from. For SRT and UDP the app listens on {@link #port()}; a UDP
 * input may join a multicast {@link #group()} on a named network interface; an SRT input may
 * require a passphrase, kept sealed because the listener needs it back.
 */
@Embeddable
public class StreamInput {

    @Column(name = "input_type")
    private String type = InputType.RTMP.id();

    @Column(name = "input_port")
    private Integer port;

    @Column(name = "input_group")
    private String group;

    @Column(name = "input_interface")
    private String networkInterface;

    @Column(name = "input_passphrase")
    private String sealedPassphrase;

    protected StreamInput() {}

    public StreamInput(InputType type, Integer port, String group, String networkInterface, String sealedPassphrase) {
        this.type = type.id();
        this.port = port;
        this.group = group;
        this.networkInterface = networkInterface;
        this.sealedPassphrase = sealedPassphrase;
    }

    public static StreamInput rtmp() {
        return new StreamInput(InputType.RTMP, null, null, null, null);
    }

    public InputType type() {
        return InputType.of(type).orElse(InputType.RTMP);
    }

    /** The UDP port the listener binds, or null for RTMP. */
    public Integer port() {
        return port;
    }

    /** The multicast group a UDP input joins, or null for unicast. */
    public String group() {
        return group;
    }

    /** The network interface a multicast group is joined on, or null for the system's choice. */
    public String networkInterface() {
        return networkInterface;
    }

    public String sealedPassphrase() {
        return sealedPassphrase;
    }

    public boolean encrypted() {
        return sealedPassphrase != null;
    }
}
