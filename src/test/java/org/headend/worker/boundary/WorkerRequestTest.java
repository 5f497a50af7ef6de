package org.headend.worker.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.headend.platform.ApiException;
import org.junit.jupiter.api.Test;

class WorkerRequestTest {

    static final String KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIEAxbe55la1khIMalUh6tp8GqRPLDJ9Wb6igZ1paWxd/";

    private static WorkerRequest request(
            String name, String host, Integer port, String user, String key, Integer slots) {
        return new WorkerRequest(name, host, port, user, key, slots);
    }

    private static String refusedField(WorkerRequest request) {
        ApiException refused = assertThrows(ApiException.class, request::validated);
        assertEquals(400, refused.status());
        return refused.field();
    }

    @Test
    void defaultsArePort22AndTwoSlots() {
        var valid = request("gpu-1", "worker1.example.com", null, "headend", KEY, null)
                .validated();
        assertEquals(22, valid.port());
        assertEquals(2, valid.slots());
        assertEquals(KEY, valid.hostKey());
    }

    @Test
    void namesAreLikeStreamNamesUpTo40AndNotReserved() {
        for (String bad :
                new String[] {"", "GPU", "-a", "a_b", "a.b", "..", "a".repeat(41), "local", "none", "ssh-key"}) {
            assertEquals("name", refusedField(request(bad, "10.0.0.1", 22, "headend", KEY, 2)), bad);
        }
        assertEquals(
                "a".repeat(40),
                request("a".repeat(40), "10.0.0.1", 22, "headend", KEY, 2)
                        .validated()
                        .name());
    }

    @Test
    void hostsAreHostnamesOrIpAddresses() {
        for (String good : new String[] {"127.0.0.1", "worker-1", "w1.lan.example.com", "::1", "fd00::21"}) {
            assertEquals(
                    good, request("w", good, 22, "headend", KEY, 2).validated().host());
        }
        for (String bad :
                new String[] {"", " ", "999.1.1.1", "a b", "-x.example", "x_y", "http://x", "user@x", "::g"}) {
            assertEquals("host", refusedField(request("w", bad, 22, "headend", KEY, 2)), bad);
        }
    }

    @Test
    void portsAndSlotsHaveTheirRanges() {
        assertEquals("port", refusedField(request("w", "h", 0, "headend", KEY, 2)));
        assertEquals("port", refusedField(request("w", "h", 65536, "headend", KEY, 2)));
        assertEquals("slots", refusedField(request("w", "h", 22, "headend", KEY, 0)));
        assertEquals("slots", refusedField(request("w", "h", 22, "headend", KEY, 257)));
        assertEquals(
                256, request("w", "h", 65535, "headend", KEY, 256).validated().slots());
    }

    @Test
    void theUserIsAPosixNameAndNeverRoot() {
        for (String bad : new String[] {"root", "", "Headend", "1abc", "-x", "a b", "a".repeat(33), "x;rm"}) {
            assertEquals("user", refusedField(request("w", "h", 22, bad, KEY, 2)), bad);
        }
        assertEquals(
                "_svc-1", request("w", "h", 22, "_svc-1", KEY, 2).validated().user());
    }

    @Test
    void theHostKeyIsOneKeyscanLineOrItsTypeAndKey() {
        assertEquals(
                "10.0.0.21 " + KEY,
                request("w", "h", 22, "u", "10.0.0.21 " + KEY + "\n", 2)
                        .validated()
                        .hostKey());
        for (String bad :
                new String[] {"", "AAAA", "ssh-dss AAAA", "ssh-ed25519", "ssh-ed25519 AAA AAA", "a b " + KEY}) {
            assertEquals("hostKey", refusedField(request("w", "h", 22, "u", bad, 2)), bad);
        }
        assertEquals("hostKey", refusedField(request("w", "h", 22, "u", "ssh-rsa " + "A".repeat(5000), 2)));
    }
}
