package org.headend.transcode.control;

import org.headend.stream.entity.InputInfo;
import org.headend.transcode.entity.Ladder;

/**
 * The packaging work of one live stream: its ladder on this input, read from {@code inputUrl} (on
 * this node's nginx-rtmp), one packager or two ({@code redundant}), and the worker an operator
 * pinned it to (null: placed by Headend).
 */
public record PackagingJob(
        String streamId,
        String name,
        Ladder ladder,
        InputInfo input,
        String inputUrl,
        boolean redundant,
        String worker) {

    public PackagingJob withInput(InputInfo newInput) {
        return new PackagingJob(streamId, name, ladder, newInput, inputUrl, redundant, worker);
    }

    public PackagingJob pinnedTo(String newWorker) {
        return new PackagingJob(streamId, name, ladder, input, inputUrl, redundant, newWorker);
    }
}
