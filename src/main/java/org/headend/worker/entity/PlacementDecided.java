package org.headend.worker.entity;

/**
 * A packager was given a host, or could not be: {@code worker} is the worker's name ({@code local}
 * for this node, {@code none} when nothing fits) and {@code result} one of {@link #PLACED},
 * {@link #PINNED}, {@link #MOVED}, {@link #NO_HOST}. Counted in
 * {@code headend_worker_placements_total{worker,result}}.
 */
public record PlacementDecided(String worker, String result) {

    public static final String PLACED = "placed";
    public static final String PINNED = "pinned";
    public static final String MOVED = "moved";
    public static final String NO_HOST = "no-host";
}
