package org.headend.transcode.control;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One lock per stream that ever ran, so that starting and stopping its packagers never overlap: a
 * publisher that comes back at once gets its new ffmpeg only after the old one has left the folder
 * and nginx. Kept for the application's life; a lock is a few bytes.
 */
final class StreamLocks {

    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    void run(String streamId, Runnable work) {
        synchronized (locks.computeIfAbsent(streamId, id -> new Object())) {
            work.run();
        }
    }
}
