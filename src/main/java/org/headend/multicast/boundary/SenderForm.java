package org.headend.multicast.boundary;

import java.io.Serializable;

/** The console's "add a multicast sender" fields; blanks take the API's defaults. */
public class SenderForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String group;
    private Integer port;
    private Integer ttl = 1;
    private String networkInterface;
    private String rendition;
    private String format = "udp";
    private boolean announce = true;

    SenderRequest request() {
        return new SenderRequest(
                blankToNull(group), port, ttl, blankToNull(networkInterface), blankToNull(rendition), format, announce);
    }

    void clear() {
        group = null;
        port = null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public Integer getTtl() {
        return ttl;
    }

    public void setTtl(Integer ttl) {
        this.ttl = ttl;
    }

    public String getNetworkInterface() {
        return networkInterface;
    }

    public void setNetworkInterface(String networkInterface) {
        this.networkInterface = networkInterface;
    }

    public String getRendition() {
        return rendition;
    }

    public void setRendition(String rendition) {
        this.rendition = rendition;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public boolean isAnnounce() {
        return announce;
    }

    public void setAnnounce(boolean announce) {
        this.announce = announce;
    }
}
