/**
 * WebRTC: sub-second publishing (WHIP) and playback (WHEP, the watch page's "Low latency") through
 * a Janus Gateway the app runs beside nginx-rtmp. Headend owns signalling and authorisation; Janus
 * carries only media. What a WHIP publisher sends is bridged into nginx-rtmp as an ordinary live
 * stream; a live stream is bridged into a Janus Streaming mountpoint for its WebRTC viewers.
 */
package org.headend.webrtc;
