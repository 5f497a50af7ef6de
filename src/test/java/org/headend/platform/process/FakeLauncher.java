package org.headend.platform.process;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A launcher whose programs do what the test says: write lines, exit with a code, ignore TERM, or
 * fail to start. Every launch is recorded.
 */
final class FakeLauncher implements Launcher {

    final List<FakeProcess> launched = new ArrayList<>();
    String failToStart;
    boolean ignoreTerm;
    private long nextPid = 1000;

    @Override
    public String host() {
        return "fake";
    }

    @Override
    public synchronized LaunchedProcess launch(LaunchRequest request) throws IOException {
        if (failToStart != null) {
            throw new IOException(failToStart);
        }
        var process = new FakeProcess(request, nextPid++, ignoreTerm);
        launched.add(process);
        return process;
    }

    @Override
    public void reapLeftovers() {}

    FakeProcess last() {
        return launched.get(launched.size() - 1);
    }

    static final class FakeProcess implements LaunchedProcess {
        final LaunchRequest request;
        final long pid;
        final boolean ignoreTerm;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        int terms;
        int kills;

        FakeProcess(LaunchRequest request, long pid, boolean ignoreTerm) {
            this.request = request;
            this.pid = pid;
            this.ignoreTerm = ignoreTerm;
        }

        /** The program writes a line on standard output. */
        void out(String line) {
            request.stdout().accept(line);
        }

        /** The program writes a line on standard error. */
        void err(String line) {
            request.stderr().accept(line);
        }

        /** ffmpeg's progress block. */
        void progress() {
            out("frame=1");
            out("progress=continue");
        }

        void exit(int code) {
            exit.complete(code);
        }

        @Override
        public String host() {
            return "fake";
        }

        @Override
        public long pid() {
            return pid;
        }

        @Override
        public boolean isAlive() {
            return !exit.isDone();
        }

        @Override
        public CompletableFuture<Integer> onExit() {
            return exit;
        }

        @Override
        public InputStream output() {
            return new ByteArrayInputStream(new byte[0]);
        }

        @Override
        public void kill() {
            kills++;
            exit.complete(137);
        }

        @Override
        public void stop(Duration grace) {
            terms++;
            if (!ignoreTerm) {
                exit.complete(255);
            } else {
                kill();
            }
        }
    }
}
