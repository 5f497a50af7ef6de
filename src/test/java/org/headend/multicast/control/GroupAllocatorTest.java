package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.headend.ingest.control.PortRange;
import org.headend.multicast.entity.GroupEndpoint;
import org.junit.jupiter.api.Test;

class GroupAllocatorTest {

    private final GroupAllocator cut =
            new GroupAllocator(GroupRange.parse("k", "239.255.0.0/30"), new PortRange(30000, 30002));

    @Test
    void eachNewSenderGetsAGroupOfItsOwnOnTheFirstPort() {
        Set<GroupEndpoint> taken = new HashSet<>();
        for (String expected : new String[] {"239.255.0.1", "239.255.0.2", "239.255.0.3", "239.255.0.0"}) {
            GroupEndpoint next = cut.allocate(null, null, taken).orElseThrow();
            assertEquals(new GroupEndpoint(expected, 30000), next);
            taken.add(next);
        }
        assertEquals(
                Optional.of(new GroupEndpoint("239.255.0.1", 30001)),
                cut.allocate(null, null, taken),
                "groups share, on another port, once each carries a sender");
    }

    @Test
    void aGroupWithoutAPortGetsItsFirstFreePort() {
        Set<GroupEndpoint> taken = Set.of(new GroupEndpoint("239.1.1.1", 30000), new GroupEndpoint("239.1.1.1", 30001));
        assertEquals(Optional.of(new GroupEndpoint("239.1.1.1", 30002)), cut.allocate("239.1.1.1", null, taken));
        Set<GroupEndpoint> full = new HashSet<>(taken);
        full.add(new GroupEndpoint("239.1.1.1", 30002));
        assertTrue(cut.allocate("239.1.1.1", null, full).isEmpty());
    }

    @Test
    void aPortWithoutAGroupGetsTheFirstGroupFreeOnIt() {
        Set<GroupEndpoint> taken = Set.of(new GroupEndpoint("239.255.0.1", 5000));
        assertEquals(Optional.of(new GroupEndpoint("239.255.0.2", 5000)), cut.allocate(null, 5000, taken));
    }

    @Test
    void bothGivenAreTakenAsTheyAreEvenWhenTakenForTheCallerToRefuse() {
        Set<GroupEndpoint> taken = Set.of(new GroupEndpoint("239.9.9.9", 1234));
        assertEquals(Optional.of(new GroupEndpoint("239.9.9.9", 1234)), cut.allocate("239.9.9.9", 1234, taken));
    }

    @Test
    void anExhaustedRangeAllocatesNothing() {
        Set<GroupEndpoint> taken = new HashSet<>();
        for (long n = 0; n < 4; n++) {
            for (int p = 30000; p <= 30002; p++) {
                taken.add(new GroupEndpoint(cut.groups().group(n), p));
            }
        }
        assertTrue(cut.allocate(null, null, taken).isEmpty());
    }
}
