/**
 * Streams: the named channels operators create, their secret publish keys (stored hashed), and
 * the live runtime state of each (OFFLINE, STARTING, LIVE, ERROR) that ingest and transcoding
 * report into and the API, console and metrics read.
 */
package org.headend.stream;
