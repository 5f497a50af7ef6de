package org.headend.transcode.control;

import java.nio.file.Path;
import java.time.Duration;

/** Where a stream's thumbnail is written, how often, and how wide (its height follows the aspect). */
public record ThumbnailOutput(Path file, Duration interval, int width) {}
