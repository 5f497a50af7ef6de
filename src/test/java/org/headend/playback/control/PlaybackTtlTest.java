package org.headend.playback.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.headend.platform.ApiException;
import org.junit.jupiter.api.Test;

class PlaybackTtlTest {

    @Test
    void readsSeconds() {
        assertEquals(Duration.ofSeconds(90), PlaybackTtl.parse("90"));
        assertEquals(Duration.ofDays(7), PlaybackTtl.parse("604800"));
    }

    @Test
    void refusesWhatIsNotALifetime() {
        for (String bad : new String[] {"0", "-5", "1.5", "PT1H", "604801", ""}) {
            assertThrows(ApiException.class, () -> PlaybackTtl.parse(bad), bad);
        }
    }
}
