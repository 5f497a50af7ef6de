package org.headend.stream.control;

/** The workers a stream may be pinned to; the worker capability owns them and implements this port. */
public interface StreamWorkers {

    boolean exists(String name);

    /** Every registered worker's name, for the console's choice. */
    java.util.List<String> names();
}
