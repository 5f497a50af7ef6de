package org.headend.webrtc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IceServersTest {

    @Test
    void stunAndTurnServersBecomeLinkHeadersAsRfc9725Writes() {
        var cut = IceServers.of(
                List.of("stun:stun.example.net"),
                List.of("turn:turn.example.net?transport=udp", "turns:turn.example.net"),
                Optional.of("user"),
                Optional.of("my\"Password"));
        assertEquals(
                List.of(
                        "<stun:stun.example.net:3478>; rel=\"ice-server\"",
                        "<turn:turn.example.net:3478?transport=udp>; rel=\"ice-server\"; username=\"user\";"
                                + " credential=\"my\\\"Password\"; credential-type=\"password\"",
                        "<turns:turn.example.net:5349>; rel=\"ice-server\"; username=\"user\";"
                                + " credential=\"my\\\"Password\"; credential-type=\"password\""),
                cut.linkHeaders());
    }

    @Test
    void pagesGetAnRtcIceServerArray() {
        var cut = IceServers.of(
                List.of("stun:[2001:db8::1]:3479"), List.of("turn:198.51.100.2"), Optional.of("u"), Optional.of("p"));
        assertEquals(
                "[{\"urls\":\"stun:[2001:db8::1]:3479\"},"
                        + "{\"urls\":\"turn:198.51.100.2:3478\",\"username\":\"u\",\"credential\":\"p\"}]",
                cut.json().toString());
    }

    @Test
    void noServersIsAnEmptyList() {
        var cut = IceServers.of(List.of(), List.of(), Optional.empty(), Optional.empty());
        assertTrue(cut.isEmpty());
        assertEquals(List.of(), cut.linkHeaders());
        assertEquals("[]", cut.json().toString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "stun.example.net",
                "http://stun.example.net",
                "stun:",
                "stun:-bad-.example",
                "stun:host:0",
                "stun:host?transport=udp",
                "stun:[not-v6]",
                "stun:a b",
                "stun:host>; rel=x"
            })
    void aMalformedServerIsRefused(String uri) {
        assertThrows(
                IllegalArgumentException.class,
                () -> IceServers.of(List.of(uri), List.of(), Optional.empty(), Optional.empty()));
    }

    @Test
    void turnNeedsCredentialsWithoutControlCharacters() {
        List<String> turn = List.of("turn:turn.example.net");
        assertThrows(
                IllegalArgumentException.class,
                () -> IceServers.of(List.of(), turn, Optional.empty(), Optional.of("p")));
        assertThrows(
                IllegalArgumentException.class,
                () -> IceServers.of(List.of(), turn, Optional.of("u\r\nX-Evil: 1"), Optional.of("p")));
        assertThrows(
                IllegalArgumentException.class,
                () -> IceServers.of(List.of("turn:turn.example.net"), List.of(), Optional.empty(), Optional.empty()));
    }
}
