package org.headend.origin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.headend.origin.control.FailoverDecider.Candidate;
import org.headend.origin.entity.OriginHealth;
import org.headend.origin.entity.SwitchKind;
import org.junit.jupiter.api.Test;

class FailoverDeciderTest {

    private static final List<Candidate> PRIMARY_AND_BACKUP =
            List.of(new Candidate("primary", 1), new Candidate("backup", 2));

    private final FailoverDecider cut = new FailoverDecider(new FailoverRules(2, 5, true));

    /** One probing round: each origin's verdict, then the decision. */
    private Optional<SwitchKind> round(boolean primaryGood, boolean backupGood) {
        cut.observe("primary", primaryGood);
        cut.observe("backup", backupGood);
        return cut.decide(PRIMARY_AND_BACKUP).kind();
    }

    @Test
    void choosesThePreferredOriginOnceItAnswers() {
        assertEquals(Optional.of(SwitchKind.INITIAL), round(true, true));
        assertEquals("primary", cut.active().orElseThrow());
    }

    @Test
    void failsOverAfterFailAfterBadProbesNotBefore() {
        round(true, true);

        assertEquals(Optional.empty(), round(false, true), "one bad probe is not enough");
        assertEquals(Optional.of(SwitchKind.FAILOVER), round(false, true));
        assertEquals("backup", cut.active().orElseThrow());
        assertEquals(OriginHealth.DOWN, cut.health("primary"));
    }

    @Test
    void aVerdictIsPendingFromTheFirstBadProbeUntilTheOriginIsDown() {
        round(true, true);
        assertTrue(!cut.failing("primary"));

        round(false, true);
        assertTrue(cut.failing("primary"), "one bad probe: confirm it soon");

        round(false, true);
        assertTrue(!cut.failing("primary"), "down: nothing left to confirm");
    }

    @Test
    void switchesBackOnlyAfterRecoverAfterGoodProbes() {
        round(true, true);
        round(false, true);
        round(false, true);

        for (int i = 0; i < 4; i++) {
            assertEquals(Optional.empty(), round(true, true), "good probe " + (i + 1) + " of 5");
        }
        assertEquals(Optional.of(SwitchKind.SWITCHBACK), round(true, true));
        assertEquals("primary", cut.active().orElseThrow());
    }

    @Test
    void withManualSwitchbackPlaybackStaysOnTheBackup() {
        var manual = new FailoverDecider(new FailoverRules(2, 5, false));
        for (boolean primaryGood : new boolean[] {true, false, false, true, true, true, true, true, true, true}) {
            manual.observe("primary", primaryGood);
            manual.observe("backup", true);
            manual.decide(PRIMARY_AND_BACKUP);
        }
        assertEquals("backup", manual.active().orElseThrow());
        assertEquals(OriginHealth.UP, manual.health("primary"));
    }

    @Test
    void anOscillatingOriginCausesAtMostOneSwitchPerRecoverWindow() {
        round(true, true);
        // Up and down, never five good probes in a row: one failover, then no flapping.
        boolean[] pattern = {false, false, true, true, true, true, false, true, false, true, true, true, true, false};
        List<Integer> switches = new ArrayList<>();
        for (int probe = 0; probe < 120; probe++) {
            if (round(pattern[probe % pattern.length], true).isPresent()) {
                switches.add(probe);
            }
        }
        assertEquals(List.of(1), switches);
        assertEquals("backup", cut.active().orElseThrow());
    }

    @Test
    void betweenTwoSwitchbacksLiesAtLeastAWholeRecoverWindow() {
        round(true, true);
        // Five good probes, two bad: the worst an origin can do and still be switched back to.
        boolean[] pattern = {false, false, true, true, true, true, true};
        List<Integer> switchbacks = new ArrayList<>();
        for (int probe = 0; probe < 70; probe++) {
            if (round(pattern[probe % pattern.length], true).equals(Optional.of(SwitchKind.SWITCHBACK))) {
                switchbacks.add(probe);
            }
        }
        assertTrue(switchbacks.size() >= 2);
        for (int i = 1; i < switchbacks.size(); i++) {
            assertTrue(switchbacks.get(i) - switchbacks.get(i - 1) >= 2 + 5, "switchbacks at " + switchbacks);
        }
    }

    @Test
    void aManualChoiceTakesEffectAtOnceAndAutoReturnsToThePreferredOrigin() {
        round(true, true);

        cut.prefer("backup");
        assertEquals(
                Optional.of(SwitchKind.MANUAL), cut.decide(PRIMARY_AND_BACKUP).kind());
        assertEquals("backup", cut.active().orElseThrow());
        assertEquals(Optional.empty(), round(true, true), "the choice holds while both are up");

        cut.automatic();
        assertEquals(
                Optional.of(SwitchKind.SWITCHBACK),
                cut.decide(PRIMARY_AND_BACKUP).kind());
        assertEquals("primary", cut.active().orElseThrow());
    }

    @Test
    void aManualChoiceThatFailsIsFailedOverFrom() {
        round(true, true);
        cut.prefer("backup");
        cut.decide(PRIMARY_AND_BACKUP);

        round(true, false);
        assertEquals(Optional.of(SwitchKind.FAILOVER), round(true, false));
        assertEquals("primary", cut.active().orElseThrow());
    }

    @Test
    void anOriginThatDisappearsIsFailedOverFromAtOnce() {
        round(true, true);

        var decision = cut.decide(List.of(new Candidate("backup", 2)));

        assertEquals(Optional.of(SwitchKind.FAILOVER), decision.kind());
        assertEquals("backup", decision.active());
        assertEquals("primary", decision.previous());
    }

    @Test
    void aFailureKnownForSureTakesAServingOriginDownAtOnce() {
        round(true, true);

        cut.fail("primary");

        assertEquals(OriginHealth.DOWN, cut.health("primary"));
        assertEquals(
                Optional.of(SwitchKind.FAILOVER), cut.decide(PRIMARY_AND_BACKUP).kind());
    }

    @Test
    void aFailureKnownForSureOfAnOriginNotYetServingIsOneBadProbe() {
        cut.fail("primary");

        assertEquals(OriginHealth.UNKNOWN, cut.health("primary"));
    }

    @Test
    void withNothingHealthyTheActiveOriginStays() {
        round(true, true);
        round(false, false);
        round(false, false);

        assertEquals("primary", cut.active().orElseThrow());
    }
}
