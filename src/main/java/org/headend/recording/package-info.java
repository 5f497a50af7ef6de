/**
 * Recordings: a supervised ffmpeg per recording copies a live stream from nginx-rtmp into segments
 * (so a crash loses at most the last one), finalised into one MP4 on stop or after a restart;
 * retention and stream expiry run on a timer.
 */
package org.headend.recording;
