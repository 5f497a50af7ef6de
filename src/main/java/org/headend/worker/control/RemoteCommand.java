package org.headend.worker.control;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The shell text sent to a worker. SSH always hands a command to the remote user's login shell, so
 * nothing Headend sends may be interpreted there: every argument is single-quoted (a quote inside
 * becomes {@code '\''}), and the scripts below reach {@code sh} as one quoted argument too.
 */
final class RemoteCommand {

    /** Where the pid files of the programs started on a worker live, below the worker user's home. */
    static final String RUN_DIR = "\"$HOME/.headend/run\"";

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._-]+");

    private RemoteCommand() {}

    /** One argument as the shell reads it back unchanged. */
    static String quote(String argument) {
        if (argument.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("an argument for a worker holds a NUL character");
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    static String quoteAll(List<String> arguments) {
        return arguments.stream().map(RemoteCommand::quote).collect(Collectors.joining(" "));
    }

    /** The text that runs a script with the worker's {@code sh}, whatever the login shell is. */
    static String viaSh(String script) {
        return "sh -c " + quote(script);
    }

    static String checkLabel(String label) {
        if (label == null || !LABEL.matcher(label).matches() || label.startsWith(".")) {
            throw new IllegalArgumentException("a run's label must be letters, digits, '.', '_' or '-': " + label);
        }
        return label;
    }

    /**
     * Starts a program on the worker so that it cannot outlive the link. It runs in a session of
     * its own (so its whole group can be signalled) and first tells its pid on stderr, before it
     * can write anything itself. A watcher reads the channel's stdin, which only ends when Headend
     * closes it or the SSH session ends (app stopped or killed, link cut, sshd killed): then it
     * sends TERM to the group, and KILL two seconds later. The pid file lets a later link reap
     * what this one could not stop.
     *
     * <p>Without job control, {@code sh} gives a background job /dev/null as stdin, so the
     * channel's stdin is kept on fd 3 for the watcher. The job is no process group leader then,
     * so {@code setsid} does not fork and the pid is the program's own.
     */
    static String launchScript(String label, List<String> command) {
        String pidFile = RUN_DIR + "/" + checkLabel(label) + ".pid";
        String program = programName(command.get(0));
        return String.join(
                "\n",
                "exec 3<&0",
                "d=" + RUN_DIR + "; mkdir -p \"$d\" || exit 126",
                "setsid sh -c " + quote("echo \"headend-pid $$\" >&2; exec \"$@\"") + " headend " + quoteAll(command)
                        + " </dev/null 3<&- &",
                "p=$!",
                "echo \"$p \"" + quote(program) + " > " + pidFile,
                "(cat >/dev/null <&3; kill -TERM -$p; sleep 2; kill -KILL -$p) >/dev/null 2>&1 &",
                "w=$!",
                "exec 3<&-",
                "wait $p; c=$?",
                // What the program started goes with it, as on the node.
                "kill $w 2>/dev/null; kill -KILL -$p 2>/dev/null",
                "rm -f " + pidFile,
                "exit $c");
    }

    /**
     * Ends what earlier links left running, from their pid files. A group is only killed when its
     * leader still runs the program the file names (its pid was not reused), or when that pid is
     * free (then no new group can carry its number, and what is left of the old one goes).
     */
    static String reapScript() {
        return String.join(
                "\n",
                "for f in " + RUN_DIR + "/*.pid; do",
                "  [ -f \"$f\" ] || continue",
                "  p=; n=; read -r p n < \"$f\"",
                "  case \"$p\" in ''|*[!0-9]*) rm -f \"$f\"; continue;; esac",
                "  if [ ! -e /proc/$p ]; then kill -KILL -$p 2>/dev/null",
                "  elif [ \"$(cat /proc/$p/comm 2>/dev/null)\" = \"$(printf %.15s \"$n\")\" ]; then",
                "    kill -KILL -$p 2>/dev/null; kill -KILL $p 2>/dev/null; echo \"reaped $p $n\"",
                "  fi",
                "  rm -f \"$f\"",
                "done",
                "exit 0");
    }

    private static String programName(String program) {
        String name = program.substring(program.lastIndexOf('/') + 1);
        // A name with blanks would not read back from the pid file; the reaper compares words.
        return name.replaceAll("\\s", "_");
    }
}
