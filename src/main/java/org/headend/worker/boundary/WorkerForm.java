package org.headend.worker.boundary;

import java.io.Serializable;

/** The console's "register a worker" fields; blanks take the API's defaults. */
public class WorkerForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private String name;
    private String host;
    private Integer port = WorkerRequest.DEFAULT_PORT;
    private String user;
    private String hostKey;
    private Integer slots = WorkerRequest.DEFAULT_SLOTS;

    WorkerRequest request() {
        return new WorkerRequest(
                blankToNull(name), blankToNull(host), port, blankToNull(user), blankToNull(hostKey), slots);
    }

    void clear() {
        name = null;
        host = null;
        hostKey = null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public String getHostKey() {
        return hostKey;
    }

    public void setHostKey(String hostKey) {
        this.hostKey = hostKey;
    }

    public Integer getSlots() {
        return slots;
    }

    public void setSlots(Integer slots) {
        this.slots = slots;
    }
}
