/**
 * Origins: the HLS sources a stream can be played from (its own packager and external origins),
 * probed every second, failed over between with hysteresis, and stitched into one playlist whose
 * URL never changes, so that players keep playing across a switch.
 */
package org.headend.origin;
