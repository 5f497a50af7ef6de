package org.headend.multicast.control;

import java.util.Optional;
import java.util.Set;
import org.headend.ingest.control.PortRange;
import org.headend.multicast.entity.GroupEndpoint;

/**
 * Completes a sender's destination from the configured ranges when the request leaves the group or
 * the port out. A new sender gets a group of its own when one is left (switches that snoop IGMP
 * then forward each channel only to the ports that joined it), on the range's first port; only
 * when every group carries a sender do groups share, on different ports.
 */
public record GroupAllocator(GroupRange groups, PortRange ports) {

    /** The destination, or empty when the ranges are exhausted for what was asked. */
    public Optional<GroupEndpoint> allocate(String group, Integer port, Set<GroupEndpoint> taken) {
        if (group != null && port != null) {
            return Optional.of(new GroupEndpoint(group, port));
        }
        if (group != null) {
            return freePort(group, taken);
        }
        if (port != null) {
            for (long n = 0; n < groups.size(); n++) {
                var candidate = new GroupEndpoint(groups.group(n), port);
                if (!taken.contains(candidate)) {
                    return Optional.of(candidate);
                }
            }
            return Optional.empty();
        }
        Set<String> usedGroups = taken.stream().map(GroupEndpoint::group).collect(java.util.stream.Collectors.toSet());
        for (long n = 0; n < groups.size(); n++) {
            if (!usedGroups.contains(groups.group(n))) {
                return Optional.of(new GroupEndpoint(groups.group(n), ports.first()));
            }
        }
        for (long n = 0; n < groups.size(); n++) {
            var found = freePort(groups.group(n), taken);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<GroupEndpoint> freePort(String group, Set<GroupEndpoint> taken) {
        for (int p = ports.first(); p <= ports.last(); p++) {
            var candidate = new GroupEndpoint(group, p);
            if (!taken.contains(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
