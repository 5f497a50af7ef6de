package org.headend.worker.boundary;

import java.util.Set;
import java.util.regex.Pattern;
import org.headend.platform.ApiException;
import org.headend.worker.control.PinnedHostKey;

/**
 * A worker as an admin registers or changes it, from the API's JSON or the console's form; nulls
 * take the defaults (port 22, 2 slots). {@link #validated()} checks every field before anything
 * is stored or connected, naming the field it refuses.
 */
public record WorkerRequest(String name, String host, Integer port, String user, String hostKey, Integer slots) {

    static final int DEFAULT_PORT = 22;
    static final int DEFAULT_SLOTS = 2;
    static final int MAX_SLOTS = 256;
    private static final int MAX_HOST_KEY = 4096;

    // As stream names, shorter: they are metric labels and a process's host in the API.
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    // "local" and "none" stand for this node and for no host in placements; "ssh-key" is a path.
    private static final Set<String> RESERVED = Set.of("local", "none", "ssh-key");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    // POSIX portable user names, as useradd takes them.
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    /** The request with its defaults filled in, once every field is valid. */
    public WorkerRequest validated() {
        return new WorkerRequest(
                checkName(name),
                checkHost(host),
                checkPort(port),
                checkUser(user),
                checkHostKey(hostKey),
                checkSlots(slots));
    }

    static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalid(
                    "name",
                    "'name' must be 1-40 lowercase letters, digits and dashes, starting with a letter or digit.");
        }
        if (RESERVED.contains(name)) {
            throw ApiException.invalid("name", "'" + name + "' is reserved; choose another name.");
        }
        return name;
    }

    /** Whether a path's name could name a worker at all (anything else is no worker: 404). */
    static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static String checkHost(String host) {
        if (host == null || host.isBlank()) {
            throw ApiException.invalid("host", "'host' is required: a hostname or an IP address.");
        }
        if (!isHostname(host) && !IPV4.matcher(host).matches() && !isIpv6(host)) {
            throw ApiException.invalid(
                    "host", "'host' must be a hostname (letters, digits, dashes and dots) or an IP address.");
        }
        return host;
    }

    private static boolean isHostname(String host) {
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (bare.isEmpty() || bare.length() > 253 || bare.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
            return false;
        }
        for (String label : bare.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String host) {
        if (!host.contains(":") || !IPV6.matcher(host).matches()) {
            return false;
        }
        try {
            // A literal with a colon is parsed, never looked up.
            return java.net.InetAddress.getByName(host) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    static int checkPort(Integer port) {
        int value = port == null ? DEFAULT_PORT : port;
        if (value < 1 || value > 65535) {
            throw ApiException.invalid("port", "'port' must be 1-65535 (SSH's is 22).");
        }
        return value;
    }

    static String checkUser(String user) {
        if (user == null || !USER.matcher(user).matches()) {
            throw ApiException.invalid(
                    "user",
                    "'user' must be a POSIX user name: 1-32 lowercase letters, digits, '_' and '-', not starting with"
                            + " a digit or '-'.");
        }
        if (user.equals("root")) {
            throw ApiException.invalid("user", "'user' must not be root: the work runs as an ordinary user.");
        }
        return user;
    }

    static String checkHostKey(String hostKey) {
        if (hostKey == null || hostKey.isBlank()) {
            throw ApiException.invalid("hostKey", "'hostKey' is required: the worker's line from ssh-keyscan.");
        }
        if (hostKey.length() > MAX_HOST_KEY) {
            throw ApiException.invalid("hostKey", "'hostKey' is longer than " + MAX_HOST_KEY + " characters.");
        }
        try {
            PinnedHostKey.parse(hostKey.strip());
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("hostKey", "'hostKey' refused: " + e.getMessage());
        }
        return hostKey.strip();
    }

    static int checkSlots(Integer slots) {
        int value = slots == null ? DEFAULT_SLOTS : slots;
        if (value < 1 || value > MAX_SLOTS) {
            throw ApiException.invalid(
                    "slots", "'slots' must be 1-" + MAX_SLOTS + ": the jobs the worker takes at once.");
        }
        return value;
    }
}
