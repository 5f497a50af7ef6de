package org.headend.platform.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ThreadFactory;

/** Starts programs on this node, with their pid files in one run folder for the reaper. */
public final class LocalLauncher implements Launcher {

    public static final String HOST = "local";

    private final Path runDir;
    private final ThreadFactory threads;

    public LocalLauncher(Path runDir, ThreadFactory threads) {
        this.runDir = runDir;
        this.threads = threads;
    }

    @Override
    public String host() {
        return HOST;
    }

    @Override
    public LaunchedProcess launch(LaunchRequest request) throws IOException {
        return LocalProcess.start(request, runDir, threads);
    }

    @Override
    public void reapLeftovers() {
        OrphanReaper.reap(runDir);
    }
}
