package org.headend.webrtc.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The STUN and TURN servers handed to WebRTC clients ({@code headend.webrtc.stun-servers},
 * {@code turn-servers}, {@code turn-username}, {@code turn-password}): as WHIP/WHEP {@code Link}
 * headers (RFC 9725 §4.6) and as an {@code RTCIceServer} array for the app's pages. Janus itself
 * needs none of them to answer; they help clients behind NAT reach it.
 */
@ApplicationScoped
public class IceServers {

    private static final Logger LOG = Logger.getLogger(IceServers.class.getName());

    @Inject
    WebRtcSettings settings;

    private List<Server> servers = List.of();

    /** One server, with the TURN credentials where it is a TURN server. */
    record Server(IceServerUri uri, String username, String credential) {}

    public IceServers() {
        // For CDI; tests use of().
    }

    private IceServers(List<Server> servers) {
        this.servers = List.copyOf(servers);
    }

    @PostConstruct
    void init() {
        try {
            servers = parse(
                    settings.stunServers(), settings.turnServers(), settings.turnUsername(), settings.turnPassword());
        } catch (IllegalArgumentException e) {
            // JanusSupervisor names the problem and keeps WebRTC down; clients get no servers.
            LOG.warning(() -> "No ICE servers handed to clients: " + e.getMessage());
        }
    }

    /** The servers given, checked; an {@link IllegalArgumentException} says what is wrong. */
    public static IceServers of(
            List<String> stun, List<String> turn, Optional<String> username, Optional<String> password) {
        return new IceServers(parse(stun, turn, username, password));
    }

    private static List<Server> parse(
            List<String> stun, List<String> turn, Optional<String> username, Optional<String> password) {
        List<Server> parsed = new ArrayList<>();
        for (String s : stun) {
            IceServerUri uri = IceServerUri.parse(s);
            if (uri.isTurn()) {
                throw new IllegalArgumentException("'" + s + "' is a TURN server among the STUN servers");
            }
            parsed.add(new Server(uri, null, null));
        }
        if (!turn.isEmpty()) {
            String user = username.filter(u -> !u.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("TURN servers need a username"));
            String secret = password.filter(p -> !p.isBlank())
                    .orElseThrow(() -> new IllegalArgumentException("TURN servers need a password"));
            // Both go into a quoted header parameter: no control characters (no header injection).
            if (user.chars().anyMatch(Character::isISOControl) || secret.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("The TURN username and password may hold no control characters");
            }
            for (String t : turn) {
                IceServerUri uri = IceServerUri.parse(t);
                if (!uri.isTurn()) {
                    throw new IllegalArgumentException("'" + t + "' is a STUN server among the TURN servers");
                }
                parsed.add(new Server(uri, user, secret));
            }
        }
        return parsed;
    }

    /**
     * One {@code Link} header value per server, as a WHIP or WHEP answer carries them: {@code
     * <stun:host:3478>; rel="ice-server"}, a TURN server with its {@code username}, {@code credential}
     * and {@code credential-type="password"}.
     */
    public List<String> linkHeaders() {
        return servers.stream()
                .map(s -> {
                    var link = new StringBuilder("<").append(s.uri()).append(">; rel=\"ice-server\"");
                    if (s.username() != null) {
                        link.append("; username=").append(quoted(s.username()));
                        link.append("; credential=").append(quoted(s.credential()));
                        link.append("; credential-type=\"password\"");
                    }
                    return link.toString();
                })
                .toList();
    }

    /** The servers as {@code RTCConfiguration.iceServers} takes them. */
    public JsonArray json() {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (Server s : servers) {
            var server = Json.createObjectBuilder().add("urls", s.uri().toString());
            if (s.username() != null) {
                server.add("username", s.username()).add("credential", s.credential());
            }
            array.add(server);
        }
        return array.build();
    }

    public boolean isEmpty() {
        return servers.isEmpty();
    }

    /** An RFC 9110 quoted-string. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
