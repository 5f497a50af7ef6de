package org.headend.ingest.control;

/** An inclusive range of ports, written "5000-5100" (or one port, "5000") in the configuration. */
public record PortRange(int first, int last) {

    public static PortRange parse(String key, String text) {
        String[] bounds = text.trim().split("\\s*-\\s*", -1);
        try {
            int first = Integer.parseInt(bounds[0]);
            int last = bounds.length == 2 ? Integer.parseInt(bounds[1]) : first;
            if (bounds.length > 2 || first < 1024 || last > 65535 || first > last) {
                throw new NumberFormatException();
            }
            return new PortRange(first, last);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(
                    key + " must be a port range such as 5000-5100 within 1024-65535, not '" + text + "'");
        }
    }

    public boolean contains(int port) {
        return port >= first && port <= last;
    }

    public boolean overlaps(PortRange other) {
        return first <= other.last && other.first <= last;
    }

    @Override
    public String toString() {
        return first + "-" + last;
    }
}
