/**
 * Transcoding: ladders (named lists of renditions) and the supervised ffmpeg process per live
 * stream that decodes the input once and encodes the whole ladder into HLS, and each live stream's
 * thumbnail, taken from that same decode (or grabbed apart for a ladder that only copies).
 */
package org.headend.transcode;
