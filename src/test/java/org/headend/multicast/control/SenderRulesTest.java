package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.headend.multicast.entity.MulticastFormat;
import org.headend.platform.ApiException;
import org.junit.jupiter.api.Test;

class SenderRulesTest {

    @Test
    void groupsMustBeLiteralIpv4MulticastOutsideTheControlBlock() {
        assertEquals("239.255.0.1", SenderRules.group("239.255.0.1"));
        assertEquals("239.255.0.1", SenderRules.group("239.255.000.001"), "written canonically");
        assertNull(SenderRules.group(null));
        for (String bad : new String[] {
            "10.0.0.1",
            "224.0.0.251",
            "224.2.127.254",
            "240.0.0.1",
            "ff02::1",
            "localhost",
            "239.255.0",
            "239.255.0.256"
        }) {
            ApiException refused = assertThrows(ApiException.class, () -> SenderRules.group(bad), bad);
            assertEquals(400, refused.status());
            assertEquals("group", refused.field());
        }
    }

    @Test
    void portsTtlsAndFormatsHaveTheirRanges() {
        assertEquals(30000, SenderRules.port(30000));
        assertNull(SenderRules.port(null));
        assertEquals(
                "port",
                assertThrows(ApiException.class, () -> SenderRules.port(0)).field());
        assertEquals(
                "port",
                assertThrows(ApiException.class, () -> SenderRules.port(65536)).field());
        assertEquals(SenderRules.DEFAULT_TTL, SenderRules.ttl(null));
        assertEquals(255, SenderRules.ttl(255));
        assertEquals(
                "ttl",
                assertThrows(ApiException.class, () -> SenderRules.ttl(0)).field());
        assertEquals(
                "ttl",
                assertThrows(ApiException.class, () -> SenderRules.ttl(256)).field());
        assertEquals(MulticastFormat.UDP, SenderRules.format(null));
        assertEquals(MulticastFormat.RTP, SenderRules.format("rtp"));
        assertEquals(
                "format",
                assertThrows(ApiException.class, () -> SenderRules.format("RTP"))
                        .field());
        assertEquals("rtp", SenderRules.name(MulticastFormat.RTP));
    }

    @Test
    void theInterfaceMustExistAndTheLoopbackIsAllowed() {
        assertEquals("lo", SenderRules.networkInterface("lo"));
        for (String bad : new String[] {"nosuchnic0", "../etc", "", "a-very-long-interface-name"}) {
            ApiException refused = assertThrows(ApiException.class, () -> SenderRules.networkInterface(bad), bad);
            assertEquals("interface", refused.field());
            assertTrue(refused.getMessage().contains("not a network interface"), refused.getMessage());
        }
        assertEquals(
                "interface",
                assertThrows(ApiException.class, () -> SenderRules.networkInterface(null))
                        .field());
    }
}
