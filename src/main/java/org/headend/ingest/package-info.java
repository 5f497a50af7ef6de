/**
 * Ingest: the nginx-rtmp server publishers push to. The app renders its configuration, runs it,
 * decides on each publish through nginx-rtmp's callbacks, and reads its statistics for the input's
 * codecs, size and bitrate.
 */
package org.headend.ingest;
