package org.headend.platform.process;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.headend.platform.HeadendHome;

/**
 * The one way Headend runs programs: kept running ({@link #supervise}) or run once to their end
 * ({@link #run}), all on one launcher, which reaps what a crashed run of the app left before the
 * first start. Whatever still runs when the app stops is stopped with it.
 */
@ApplicationScoped
public class ProcessSupervisor {

    @Inject
    HeadendHome home;

    @Inject
    ProcessRegistry registry;

    @Resource
    ManagedThreadFactory threads;

    private static final int SCHEDULER_THREADS = 4;

    private ScheduledExecutorService scheduler;
    private Launcher launcher;
    private Scheduling time;
    private final Set<SupervisedProcess> supervised = ConcurrentHashMap.newKeySet();
    private final Set<LaunchedProcess> runningOnce = ConcurrentHashMap.newKeySet();

    /** Made with the application, so leftovers are reaped before any capability starts a program. */
    void startWithApplication(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // Creating the bean runs init().
    }

    @PostConstruct
    void init() {
        launcher = new LocalLauncher(home.dir("run"), threads);
        // A scheduler of its own: watchdogs, restarts and liveness checks must not wait behind the
        // app's other scheduled work, some of which blocks (stopping a process waits its grace).
        scheduler = Executors.newScheduledThreadPool(SCHEDULER_THREADS, threads);
        time = new ExecutorScheduling(scheduler);
        launcher.reapLeftovers();
    }

    /** A process to keep running on this node, not started yet: its owner calls {@code start()}. */
    public SupervisedProcess supervise(ProcessSpec spec, ProcessListener listener) {
        return supervise(spec, listener, launcher);
    }

    /** A process to keep running on the host behind {@code on} (a worker, or this node). */
    public SupervisedProcess supervise(ProcessSpec spec, ProcessListener listener, Launcher on) {
        var process = new SupervisedProcess(spec, on, time, listener, this::changed);
        supervised.add(process);
        return process;
    }

    /** This node's launcher. */
    public Launcher local() {
        return launcher;
    }

    private void changed(SupervisedProcess process) {
        if (process.snapshot().state() == ProcessState.STOPPED) {
            supervised.remove(process);
        }
        registry.changed(process);
    }

    /**
     * Runs a program to its end, killing it after {@code timeout}; its standard error is masked as
     * the spec says.
     */
    public RunResult run(ProcessSpec spec, Duration timeout) throws IOException, InterruptedException {
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        LaunchedProcess process = launcher.launch(new LaunchRequest(
                spec.label(),
                spec.command(),
                out::add,
                line -> err.add(spec.mask().apply(line))));
        runningOnce.add(process);
        try {
            int code = process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new RunResult(code, false, out, err);
        } catch (TimeoutException e) {
            process.stop(Duration.ZERO);
            return new RunResult(-1, true, out, err);
        } catch (ExecutionException e) {
            throw new IOException(spec.label() + " could not be waited for", e.getCause());
        } catch (InterruptedException e) {
            process.kill();
            throw e;
        } finally {
            runningOnce.remove(process);
        }
    }

    /** For an owner that needs a thread of its own for as long as a process runs (a pacing sender). */
    public ThreadFactory threads() {
        return threads;
    }

    public Scheduling scheduling() {
        return time;
    }

    @PreDestroy
    void stopEverything() {
        runningOnce.forEach(LaunchedProcess::kill);
        List.copyOf(supervised).forEach(SupervisedProcess::stop);
        scheduler.shutdownNow();
    }
}
