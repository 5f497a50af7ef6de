package org.headend.stream.control;

import java.util.List;
import java.util.Optional;

/** The live transcoder's log lines; transcode owns the transcoder and implements this port. */
public interface TranscoderLogs {

    Optional<List<String>> log(String streamId);
}
