package org.headend.platform.process;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/**
 * How one supervised process runs: its program, how it restarts, what counts as progress and how
 * long it may go without, which secrets its log masks, how long it gets to stop. Built from
 * {@link #of} with the {@code with...} methods; everything not set has a safe default.
 *
 * <p>{@code owner} and {@code role} place it in the work of a stream ({@link ProcessRegistry});
 * a {@code restartGate} that is closed when the process fails holds the restart until it opens
 * (a destination that does not answer), instead of the backoff.
 */
public record ProcessSpec(
        String label,
        List<String> command,
        RestartPolicy restart,
        ProgressWatch watch,
        Duration stallTimeout,
        boolean dataOnStdout,
        UnaryOperator<String> mask,
        Duration stopGrace,
        BooleanSupplier restartGate,
        ExitExplainer explain,
        int logLines,
        String owner,
        String role) {

    public static final int LOG_LINES = 200;

    /** Words for how a run ended, from its exit code and what it said in this run. */
    @FunctionalInterface
    public interface ExitExplainer {
        String explain(int exitCode, List<String> linesOfThisRun);
    }

    public ProcessSpec {
        command = List.copyOf(command);
        if (stopGrace == null || stopGrace.isNegative()) {
            throw new IllegalArgumentException("stopGrace must be set");
        }
    }

    public static ProcessSpec of(String label, List<String> command) {
        return new ProcessSpec(
                label,
                command,
                RestartPolicy.always(new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30))),
                ProgressWatch.NONE,
                null,
                false,
                UnaryOperator.identity(),
                Duration.ofSeconds(5),
                null,
                ProcessSpec::lastWords,
                LOG_LINES,
                null,
                null);
    }

    /** "exited with code N" and the last thing the program said in this run. */
    public static String lastWords(int exitCode, List<String> lines) {
        String program = "exited with code " + exitCode;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).startsWith(SupervisedProcess.OWN)) {
                return program + ": " + lines.get(i);
            }
        }
        return program;
    }

    public ProcessSpec withRestart(RestartPolicy policy) {
        return with(c -> c.restart = policy);
    }

    /** Watches progress the given way and kills the process after {@code timeout} without. */
    public ProcessSpec withWatch(ProgressWatch how, Duration timeout) {
        return with(c -> {
            c.watch = how;
            c.stallTimeout = timeout;
        });
    }

    /** Standard output is data the owner reads ({@link LaunchedProcess#output()}), not lines. */
    public ProcessSpec withDataOnStdout() {
        return with(c -> c.dataOnStdout = true);
    }

    public ProcessSpec withMask(UnaryOperator<String> secrets) {
        return with(c -> c.mask = secrets);
    }

    public ProcessSpec withStopGrace(Duration grace) {
        return with(c -> c.stopGrace = grace);
    }

    public ProcessSpec withRestartGate(BooleanSupplier gate) {
        return with(c -> c.restartGate = gate);
    }

    public ProcessSpec withExplainer(ExitExplainer explainer) {
        return with(c -> c.explain = explainer);
    }

    /** Part of the work of stream {@code streamId}, in the given role. */
    public ProcessSpec partOf(String streamId, String partRole) {
        return with(c -> {
            c.owner = streamId;
            c.role = partRole;
        });
    }

    private ProcessSpec with(java.util.function.Consumer<Copy> change) {
        Copy copy = new Copy(this);
        change.accept(copy);
        return copy.spec();
    }

    /** A spec's fields, to change one or two of them. */
    private static final class Copy {
        String label;
        List<String> command;
        RestartPolicy restart;
        ProgressWatch watch;
        Duration stallTimeout;
        boolean dataOnStdout;
        UnaryOperator<String> mask;
        Duration stopGrace;
        BooleanSupplier restartGate;
        ExitExplainer explain;
        int logLines;
        String owner;
        String role;

        Copy(ProcessSpec s) {
            label = s.label;
            command = s.command;
            restart = s.restart;
            watch = s.watch;
            stallTimeout = s.stallTimeout;
            dataOnStdout = s.dataOnStdout;
            mask = s.mask;
            stopGrace = s.stopGrace;
            restartGate = s.restartGate;
            explain = s.explain;
            logLines = s.logLines;
            owner = s.owner;
            role = s.role;
        }

        ProcessSpec spec() {
            return new ProcessSpec(
                    label,
                    command,
                    restart,
                    watch,
                    stallTimeout,
                    dataOnStdout,
                    mask,
                    stopGrace,
                    restartGate,
                    explain,
                    logLines,
                    owner,
                    role);
        }
    }
}
