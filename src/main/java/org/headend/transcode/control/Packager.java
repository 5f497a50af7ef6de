package org.headend.transcode.control;

import java.time.Duration;

/**
 * One running packager of a live stream as the origins see it: the target it writes its HLS to,
 * its pid (null between a death and the restart) and how long ago it last reported progress.
 */
public record Packager(boolean backup, Long pid, PackagerTarget target, Duration sinceProgress) {}
