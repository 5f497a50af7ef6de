package org.headend.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Unique names, so tests sharing one application never collide. */
public final class Names {

    private Names() {}

    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
