package org.headend.stream.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.headend.platform.process.ProcessRegistry;

/** The Processes section of a stream's page: the same items the API lists. */
@Named
@RequestScoped
public class StreamProcessesView {

    @Inject
    ProcessRegistry registry;

    public List<StreamProcesses.Item> rows(String streamId) {
        return StreamProcesses.of(registry.parts(streamId)).items();
    }
}
