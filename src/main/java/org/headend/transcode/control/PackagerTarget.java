package org.headend.transcode.control;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Where a packager writes its HLS, as the rest of Headend reads it back: whether it plays yet, its
 * master playlist and each variant's media playlist. The transcoder and the origins ask the target,
 * never a folder, so a packager can write somewhere else (a later HTTP-PUT target) without touching
 * their logic. Today's is the local {@link HlsFolder}.
 */
public interface PackagerTarget {

    /** The variants' names, as the packager names their playlists. */
    List<String> variants();

    /** True once the master playlist is there and every variant's media playlist lists a segment. */
    boolean playable();

    /** The master playlist's text; fails while the packager has not written it yet. */
    String master() throws IOException;

    /** One variant's media playlist text; fails while it is not there. */
    String mediaPlaylist(String variant) throws IOException;

    /** Where that media playlist is: its segments' names resolve against it. */
    URI mediaPlaylistUri(String variant);
}
