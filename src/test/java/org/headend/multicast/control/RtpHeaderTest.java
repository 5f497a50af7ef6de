package org.headend.multicast.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class RtpHeaderTest {

    @Test
    void writesVersionPayloadTypeSequenceTimestampAndSsrc() {
        byte[] b = new byte[12];

        RtpHeader.write(b, 0xABCD, 0x01020304, 0xCAFEBABE);

        assertArrayEquals(
                new byte[] {
                    (byte) 0x80,
                    33,
                    (byte) 0xAB,
                    (byte) 0xCD,
                    1,
                    2,
                    3,
                    4,
                    (byte) 0xCA,
                    (byte) 0xFE,
                    (byte) 0xBA,
                    (byte) 0xBE
                },
                b);
    }
}
