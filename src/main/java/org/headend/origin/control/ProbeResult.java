package org.headend.origin.control;

import java.net.URI;
import java.time.Duration;

/**
 * One probe of an origin: the media playlist it served and where from (segment URIs are relative
 * to it), or why there was none. {@code httpStatus} is null where no HTTP was involved (a local
 * packager's playlist is read from disk); {@code errorClass} (5xx, 4xx, timeout, connection,
 * invalid) is what the error metric counts by.
 */
public record ProbeResult(
        Integer httpStatus,
        Duration responseTime,
        MediaPlaylist playlist,
        URI source,
        String error,
        String errorClass) {

    public static ProbeResult failed(Integer httpStatus, Duration responseTime, String error, String errorClass) {
        return new ProbeResult(httpStatus, responseTime, null, null, error, errorClass);
    }

    public static ProbeResult served(Integer httpStatus, Duration responseTime, MediaPlaylist playlist, URI source) {
        return new ProbeResult(httpStatus, responseTime, playlist, source, null, null);
    }
}
