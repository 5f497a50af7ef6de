package org.headend.transcode.control;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One running packager of a live stream as the origins see it: its media playlist (of the first
 * variant), its pid (null between a death and the restart) and how long ago it last reported progress.
 */
public record Packager(boolean backup, Long pid, Path playlist, Duration sinceProgress) {}
