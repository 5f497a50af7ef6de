package org.headend.multicast.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.List;
import org.headend.multicast.control.MulticastStore;
import org.headend.multicast.control.MulticastSupervisor;
import org.headend.platform.ApiException;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;

/** The multicast section of a stream's page: senders with live figures, add, remove. */
@Named
@ViewScoped
public class MulticastView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MulticastOperations operations;

    @Inject
    transient MulticastStore senders;

    @Inject
    transient MulticastSupervisor supervisor;

    @Inject
    transient CallerRoles caller;

    private String streamId;
    private final SenderForm form = new SenderForm();

    public List<MulticastJson> rows(String stream) {
        this.streamId = stream;
        return senders.ofStream(stream).stream()
                .map(m -> MulticastJson.of(m, supervisor.status(m.id()), "multicast/" + m.id() + ".sdp"))
                .toList();
    }

    /** The renditions the add form offers; none chosen means the whole source. */
    public List<String> renditions(String stream) {
        return operations.renditionNames(operations.stream(stream));
    }

    /** This host's interfaces that are up, to choose from. */
    public List<String> interfaces() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(MulticastView::usable)
                    .map(NetworkInterface::getName)
                    .sorted()
                    .toList();
        } catch (SocketException e) {
            return List.of();
        }
    }

    private static boolean usable(NetworkInterface nic) {
        try {
            return nic.isUp() && (nic.isLoopback() || nic.supportsMulticast());
        } catch (SocketException e) {
            return false;
        }
    }

    public void create() {
        act(() -> {
            var created = operations.create(streamId, form.request());
            ConsoleMessages.info("Sending to " + created.receiverUrl() + ".");
            form.clear();
        });
    }

    public void delete(String senderId) {
        act(() -> operations.delete(streamId, senderId));
    }

    private void act(Runnable action) {
        try {
            caller.requireStaff();
            action.run();
        } catch (ApiException refused) {
            ConsoleMessages.refused(refused, "multicast:new-");
        }
    }

    public SenderForm getForm() {
        return form;
    }
}
