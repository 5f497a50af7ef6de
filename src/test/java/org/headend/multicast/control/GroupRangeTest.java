package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroupRangeTest {

    @Test
    void aSlash24HandsOutDotOneFirstAndItsNetworkAddressLast() {
        GroupRange range = GroupRange.parse("k", "239.255.0.0/24");
        assertEquals(256, range.size());
        assertEquals("239.255.0.1", range.group(0));
        assertEquals("239.255.0.255", range.group(254));
        assertEquals("239.255.0.0", range.group(255));
        assertTrue(range.contains("239.255.0.77"));
        assertFalse(range.contains("239.255.1.0"));
        assertEquals("239.255.0.0/24", range.toString());
    }

    @Test
    void aSingleGroupIsItself() {
        GroupRange one = GroupRange.parse("k", " 239.1.2.3/32 ");
        assertEquals(1, one.size());
        assertEquals("239.1.2.3", one.group(0));
    }

    @Test
    void blocksThatAreNotMulticastOrNotABlockAreRefusedNamingTheKey() {
        for (String bad : new String[] {
            "10.0.0.0/24", "239.255.0.1/24", "239.255.0.0", "239.255.0.0/33", "239.255.0.0/x", "239.256.0.0/24", ""
        }) {
            var refused =
                    assertThrows(IllegalStateException.class, () -> GroupRange.parse("headend.multicast.range", bad));
            assertTrue(refused.getMessage().startsWith("headend.multicast.range must be"), refused.getMessage());
        }
    }
}
