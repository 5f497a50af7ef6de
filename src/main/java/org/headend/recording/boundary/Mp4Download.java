package org.headend.recording.boundary;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * How a recording's MP4 is answered, whole (200), in part (206 with Content-Range) or not at all
 * (416): shared by the API and the console's download so both honour ranges the same way.
 */
final class Mp4Download {

    static final String TYPE = "video/mp4";

    /** Status, the slice of the file to send, and the Content-Range header (null for a 200). */
    record Answer(int status, long offset, long length, String contentRange) {}

    private Mp4Download() {}

    static Answer answer(String rangeHeader, long size) {
        try {
            return ByteRange.parse(rangeHeader, size)
                    .map(r -> new Answer(206, r.first(), r.length(), r.contentRange(size)))
                    .orElse(new Answer(200, 0, size, null));
        } catch (ByteRange.Unsatisfiable e) {
            return new Answer(416, 0, 0, "bytes */" + size);
        }
    }

    static void copy(Path file, Answer answer, OutputStream out) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            var target = Channels.newChannel(out);
            long sent = 0;
            while (sent < answer.length()) {
                long n = channel.transferTo(answer.offset() + sent, answer.length() - sent, target);
                if (n <= 0) {
                    break;
                }
                sent += n;
            }
        }
        out.flush();
    }
}
