/**
 * Workers: the hosts that transcode for this node over SSH. It owns their registration (address,
 * pinned host key, slots), the node's own SSH key pair, one SSH link per worker with its state
 * (UP, DOWN, DRAINING) and what the worker can do (ffmpeg, H.264 encoders, devices, cores, load),
 * a {@link org.headend.platform.process.Launcher} per linked worker, and the choice of a host for
 * a stream's packagers ({@code Placements}). It tells the rest of Headend of a worker lost or
 * drained through events; it imports no other capability but platform.
 */
package org.headend.worker;
