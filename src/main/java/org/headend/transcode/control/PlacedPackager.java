package org.headend.transcode.control;

import org.headend.worker.control.Placement;

/**
 * One packager given a host: where it runs, the URL it reads the stream from there, where it
 * writes its HLS from there (this node's folder, or nginx's {@code /put/} URL for a worker) and
 * the encoders that host offers.
 */
record PlacedPackager(Placement where, String inputUrl, String output, HostEncoders encoders) {}
