/**
 * Transcoding: ladders (named lists of renditions) and the supervised ffmpeg process per live
 * stream that decodes the input once and encodes the whole ladder into HLS.
 */
package org.headend.transcode;
