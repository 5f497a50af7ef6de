package org.headend.multicast.control;

/**
 * Turns the PCRs of a TS into send instants on the machine's clock (System.nanoTime). The bytes between two PCRs
 * are spread evenly over the PCRs' time difference, so a datagram's instant is known once the PCR after it has been
 * read; the first PCR of a run is mapped to "now plus a buffering delay", which is what lets that next PCR arrive
 * in time. A PCR that jumps (its discontinuity_indicator, more than a second forward, any step back; the 2^33 * 300
 * wrap is not a jump) re-anchors the clock at the instant the old rate predicts for it instead of stalling or
 * bursting. A source that delivers late moves the schedule (shift) and is caught up at 5 % over the stream's
 * rate. Pure arithmetic, no waiting: MulticastSender waits.
 */
final class PcrPacer {

    /** due(): a later PCR is needed to know. */
    static final long NOT_YET = Long.MIN_VALUE;
    /** due() and extrapolate(): no clock to pace by, send at once. */
    static final long IMMEDIATE = Long.MIN_VALUE + 1;

    static final long MAX_STEP_TICKS = TsPackets.PCR_HZ; // one second
    /** A shift is paid back by sending 1/20 (5 %) faster than the stream until the latency is as before. */
    static final long CATCH_UP = 20;

    private final long delayNanos;
    private boolean anchored;
    private long lastPcr;
    private long ticksSinceAnchor;
    private long anchorWall;
    private long prevPos = -1;
    private long prevWall;
    private long curPos = -1;
    private long curWall;
    private double nanosPerByte = -1;
    private long shiftedSinceAnchor;
    private long totalShift;
    private long resyncs;

    PcrPacer(long delayNanos) {
        this.delayNanos = delayNanos;
    }

    /** A new run of the source: its clock has nothing to do with the last one's. */
    void restart() {
        anchored = false;
        prevPos = -1;
        curPos = -1;
        nanosPerByte = -1;
    }

    /** A PCR of the clock PID, in the packet starting at byte pos of the run, read at now. */
    void pcr(long pos, long pcr, boolean discontinuity, long now) {
        long wall;
        if (!anchored) {
            wall = now + delayNanos;
            anchor(wall);
        } else {
            long step = TsPackets.pcrDistance(lastPcr, pcr);
            if (discontinuity || step > MAX_STEP_TICKS) {
                wall = nanosPerByte >= 0 ? curWall + Math.round((pos - curPos) * nanosPerByte) : Math.max(curWall, now);
                anchor(wall);
                resyncs++;
            } else {
                ticksSinceAnchor += step;
                if (shiftedSinceAnchor > 0) {
                    // Behind after a late source: caught up at 1/CATCH_UP faster than the stream, never in a burst.
                    long repay = Math.min(shiftedSinceAnchor, step * 1000 / 27 / CATCH_UP);
                    anchorWall -= repay;
                    shiftedSinceAnchor -= repay;
                }
                wall = anchorWall + ticksSinceAnchor * 1000 / 27; // 27 MHz ticks to nanoseconds
                if (pos > curPos) {
                    nanosPerByte = (double) (wall - curWall) / (pos - curPos);
                }
            }
        }
        lastPcr = pcr;
        prevPos = curPos;
        prevWall = curWall;
        curPos = pos;
        curWall = wall;
    }

    private void anchor(long wall) {
        anchored = true;
        anchorWall = wall;
        ticksSinceAnchor = 0;
        shiftedSinceAnchor = 0;
    }

    /** When the byte at pos is due: a nanoTime instant, NOT_YET, or IMMEDIATE before the run's first PCR. */
    long due(long pos) {
        if (curPos < 0) {
            return IMMEDIATE;
        }
        if (pos > curPos) {
            return NOT_YET;
        }
        if (prevPos < 0 || pos <= prevPos || curPos == prevPos) {
            return pos == curPos ? curWall : prevPos < 0 ? IMMEDIATE : prevWall;
        }
        return prevWall + Math.round((double) (pos - prevPos) * (curWall - prevWall) / (curPos - prevPos));
    }

    /** When a byte past the last PCR is due if the last rate holds: at the end of a run, or with PCRs too far apart. */
    long extrapolate(long pos) {
        if (curPos < 0 || nanosPerByte < 0) {
            return IMMEDIATE;
        }
        return curWall + Math.round(Math.max(0, pos - curPos) * nanosPerByte);
    }

    /**
     * The source fell behind by nanos: every later instant moves, so it is not made up in a burst; later PCRs pay it
     * back slowly, so that hiccups of a live source do not add up to an ever longer latency.
     */
    void shift(long nanos) {
        anchorWall += nanos;
        prevWall += nanos;
        curWall += nanos;
        shiftedSinceAnchor += nanos;
        totalShift += nanos;
    }

    /** All shifts ever made: an instant given out before a shift moves by the shifts made since. */
    long totalShift() {
        return totalShift;
    }

    /** How far sending is behind the stream's clock since it was last anchored: shifts not yet paid back. */
    long shiftedSinceAnchor() {
        return shiftedSinceAnchor;
    }

    /** PCR jumps that re-anchored the clock within runs. */
    long resyncs() {
        return resyncs;
    }
}
