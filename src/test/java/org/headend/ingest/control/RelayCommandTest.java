package org.headend.ingest.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.headend.stream.entity.InputType;
import org.junit.jupiter.api.Test;

class RelayCommandTest {

    private static final String PUBLISH = "rtmp://127.0.0.1:1935/live/relay_x";

    @Test
    void anSrtListenerTakesThePassphraseAsAnOptionNotInTheUrl() {
        String passphrase = "a&b=c?d efgh";
        List<String> argv = RelayCommand.of(
                "ffmpeg", new RelayCommand.Listen(InputType.SRT, 8890, null, null, passphrase), PUBLISH);
        int i = argv.indexOf("-passphrase");
        assertEquals(passphrase, argv.get(i + 1));
        assertTrue(i < argv.indexOf("-i"), "an input option");
        assertEquals("srt://0.0.0.0:8890?mode=listener", argv.get(argv.indexOf("-i") + 1));
        assertFalse(argv.get(argv.indexOf("-i") + 1).contains(passphrase));
        assertEquals(PUBLISH, argv.get(argv.size() - 1));
        assertEquals("copy", argv.get(argv.indexOf("-c:v") + 1), "video is never re-encoded");
        assertEquals("flv", argv.get(argv.indexOf("-f") + 1));
    }

    @Test
    void udpListensOnAllAddressesOrJoinsAGroupOnAnInterfaceAddress() {
        assertEquals(
                "udp://0.0.0.0:5000?overrun_nonfatal=1",
                RelayCommand.inputUrl(new RelayCommand.Listen(InputType.UDP, 5000, null, null, null)));
        assertEquals(
                "udp://239.255.0.1:5001?overrun_nonfatal=1&localaddr=10.0.0.2",
                RelayCommand.inputUrl(new RelayCommand.Listen(InputType.UDP, 5001, "239.255.0.1", "10.0.0.2", null)));
        assertEquals(
                "udp://[ff15::1]:5002?overrun_nonfatal=1",
                RelayCommand.inputUrl(new RelayCommand.Listen(InputType.UDP, 5002, "ff15::1", null, null)));
    }

    @Test
    void portRangesAreReadStrictly() {
        assertEquals(new PortRange(5000, 5100), PortRange.parse("k", "5000-5100"));
        assertEquals(new PortRange(6000, 6000), PortRange.parse("k", " 6000 "));
        assertTrue(new PortRange(5000, 5100).contains(5100));
        assertFalse(new PortRange(5000, 5100).contains(5101));
        for (String bad : List.of("", "abc", "5100-5000", "80-90", "5000-70000", "1-2-3")) {
            var e = assertThrows(IllegalStateException.class, () -> PortRange.parse("headend.input.udp.ports", bad));
            assertTrue(e.getMessage().contains("headend.input.udp.ports"), e.getMessage());
        }
    }

    @Test
    void aListenerSaysWhatWentWrongInPlainWords() {
        assertEquals(
                "The port is taken by another program on this host.",
                ListenerErrors.explain(1, List.of("bind failed: Address already in use")));
        assertEquals(
                "A sender was refused: wrong passphrase.",
                ListenerErrors.refusedSender(List.of("processConnectRequest: rsp(REJECT): 1010 - Incorrect passphrase"))
                        .orElseThrow());
        assertTrue(ListenerErrors.explain(
                        1, List.of("Could not write header for output file #0 (incorrect codec parameters ?)"))
                .contains("H.264"));
    }
}
