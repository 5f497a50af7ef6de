/**
 * Playback for the audience: which streams play without a token, the signed expiring tokens nginx
 * checks on every playlist and segment without calling the app, the watch page employees open,
 * and the count of concurrent viewers per stream taken from nginx's playlist requests.
 */
package org.headend.playback;
