package org.headend.stream.boundary;

import java.io.Serializable;

/**
 * The input fields of a console form (type, port, passphrase, multicast group and interface),
 * read into the same {@link InputRequest} the API builds from JSON; an empty field is left out.
 */
public class InputForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String type = "rtmp";
    private Integer port;
    private String passphrase;
    private String group;
    private String networkInterface;

    public InputRequest request() {
        return new InputRequest(type, port, blankToNull(passphrase), blankToNull(group), blankToNull(networkInterface));
    }

    /** Forgets what identified the last input (its port, its secret); the type stays chosen. */
    public void clearSecrets() {
        port = null;
        passphrase = null;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getPassphrase() {
        return passphrase;
    }

    public void setPassphrase(String passphrase) {
        this.passphrase = passphrase;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public String getNetworkInterface() {
        return networkInterface;
    }

    public void setNetworkInterface(String networkInterface) {
        this.networkInterface = networkInterface;
    }
}
