package org.headend.recording.entity;

/** Where a recording is: being written, being joined into its MP4, playable, or lost. */
public enum RecordingState {
    RECORDING,
    FINALIZING,
    READY,
    FAILED;

    public boolean finished() {
        return this == READY || this == FAILED;
    }
}
