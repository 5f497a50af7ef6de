/**
 * Streams: the named channels operators create, their secret publish keys (stored hashed), and
 * the live runtime state of each (OFFLINE, STARTING, LIVE, ERROR) that ingest and transcoding
 * report into and the API, console and metrics read. {@code LiveStreams} is the only thing that
 * moves a stream's state, as {@code StreamStateMachine} allows.
 *
 * <p>Every other capability may depend on stream; stream depends on none of them. What its API and
 * pages show of inputs, ladders, playback and logs comes through small ports it defines
 * ({@code StreamInputs}, {@code Ladders}, {@code Audience}, {@code TranscoderLogs}) and the owning
 * capability implements; what others must do when a stream changes (deletion, visibility, a forced
 * disconnect) travels as events. {@code ArchitectureTest} keeps it so.
 */
package org.headend.stream;
