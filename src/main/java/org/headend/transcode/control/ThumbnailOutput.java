package org.headend.transcode.control;

import java.nio.file.Path;
import java.time.Duration;

/** Where a stream's thumbnail is written, how often, and how wide (its height follows the aspect). */
public record ThumbnailOutput(Path file, Duration interval, int width) {

    /** The backup packager's own file beside this one: two processes must never write the same one. */
    public ThumbnailOutput forBackup() {
        return new ThumbnailOutput(file.resolveSibling("backup-" + file.getFileName()), interval, width);
    }
}
