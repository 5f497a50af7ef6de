package org.headend.platform.process;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The last lines a supervised process wrote, with secrets masked before they are kept, and a mark
 * where the current run began: the words that explain how a run ended are its own last lines, not
 * an earlier run's.
 */
public final class ProcessLog {

    private final int capacity;
    private final UnaryOperator<String> mask;
    private final Deque<String> lines = new ArrayDeque<>();
    private int runStart;

    public ProcessLog(int capacity, UnaryOperator<String> mask) {
        this.capacity = capacity;
        this.mask = mask;
    }

    public synchronized void add(String line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
            // The ring moved: the current run's first line moved with it.
            runStart = Math.max(0, runStart - 1);
        }
        lines.addLast(mask.apply(line));
    }

    /** Marks that a new run begins with the next line. */
    public synchronized void newRun() {
        runStart = lines.size();
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** What was written since the current run began. */
    public synchronized List<String> linesOfThisRun() {
        List<String> all = List.copyOf(lines);
        return all.subList(Math.min(runStart, all.size()), all.size());
    }
}
