package org.headend.stream.control;

import java.util.List;

/** The ladders a stream may name; transcode owns them and implements this port. */
public interface Ladders {

    boolean exists(String name);

    List<String> names();
}
