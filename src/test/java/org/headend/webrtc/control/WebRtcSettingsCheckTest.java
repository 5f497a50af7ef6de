package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebRtcSettingsCheckTest {

    @Test
    void theDefaultsAndAFullSetupPass() {
        assertEquals(List.of(), WebRtcSettingsCheck.problems(SampleWebRtcSettings.defaults()));
        assertEquals(List.of(), problems(s -> {
            s.ports = "40000-40999";
            s.publicAddress = Optional.of("203.0.113.7");
            s.iceInterface = Optional.of("eth0");
            s.stunServers = Optional.of(String.join(",", "stun:stun.example.net", "stun:[2001:db8::1]:3479"));
            s.turnServers =
                    Optional.of(String.join(",", "turn:turn.example.net?transport=tcp", "turns:198.51.100.2:443"));
            s.turnUsername = Optional.of("headend");
            s.turnPassword = Optional.of("pw");
        }));
        assertEquals(List.of(), problems(s -> s.publicAddress = Optional.of("2001:db8::7")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "20000", "20000-", "1000-2000", "20199-20000", "60000-70000", "a-b", "20000 - 20199"})
    void aPortRangeOutside1024To65535OrNotARangeIsRefused(String range) {
        List<String> problems = problems(s -> s.ports = range);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("headend.webrtc.ports '" + range + "'"), problems.get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stun.example.net", "1.2.3", "256.1.1.1", "203.0.113.7:80", "fe80::1%eth0"})
    void aPublicAddressMustBeAnIpAddress(String address) {
        assertEquals(
                List.of("headend.webrtc.public-address '" + address + "' is not an IP address"),
                problems(s -> s.publicAddress = Optional.of(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eth 0", "eth0/1", "averyveryverylongname", "eth0\"x"})
    void anInterfaceMustBeAnInterfaceName(String name) {
        assertEquals(
                List.of("headend.webrtc.interface '" + name + "' is not a network interface name"),
                problems(s -> s.iceInterface = Optional.of(name)));
    }

    @Test
    void serversMustBeStunAndTurnUrisInTheirOwnKeys() {
        List<String> problems = problems(s -> {
            s.stunServers = Optional.of(String.join(",", "http://stun.example.net", "turn:t.example.net"));
            s.turnServers = Optional.of(String.join(",", "turn:t.example.net:99999"));
            s.turnUsername = Optional.of("u");
            s.turnPassword = Optional.of("p");
        });
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("'http://stun.example.net' is not a stun:"), problems.get(0));
        assertTrue(problems.get(1).contains("takes stun: or stuns: URIs, not 'turn:t.example.net'"), problems.get(1));
        assertTrue(problems.get(2).contains("port outside 1..65535"), problems.get(2));
    }

    @Test
    void turnServersNeedCredentials() {
        assertEquals(
                List.of("headend.webrtc.turn-servers need headend.webrtc.turn-username and turn-password"),
                problems(s -> s.turnServers = Optional.of(String.join(",", "turn:t.example.net"))));
    }

    @Test
    void portsMustDifferAndTheStallTimeoutBeAtLeastASecond() {
        assertEquals(
                List.of("headend.webrtc.api-port and headend.webrtc.admin-port must differ"),
                problems(s -> s.adminPort = s.apiPort));
        assertEquals(
                List.of("headend.webrtc.stall-timeout must be at least PT1S"),
                problems(s -> s.stallTimeout = Duration.ofMillis(200)));
    }

    private static List<String> problems(Consumer<WebRtcSettings> change) {
        WebRtcSettings settings = SampleWebRtcSettings.defaults();
        change.accept(settings);
        return WebRtcSettingsCheck.problems(settings);
    }
}
