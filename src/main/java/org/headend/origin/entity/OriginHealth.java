package org.headend.origin.entity;

/** UNKNOWN until an origin has been probed; UP and DOWN change only after the hysteresis. */
public enum OriginHealth {
    UNKNOWN,
    UP,
    DOWN
}
