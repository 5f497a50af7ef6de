package org.headend.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.security.entity.Role;

/**
 * Maps directory and OIDC group names to roles, from {@code headend.auth.role-map}
 * ({@code video-admins=admin,video-ops=operator,staff=viewer}). A member of several mapped groups
 * gets the most powerful of their roles; a member of none gets no role at all.
 */
@ApplicationScoped
public class RoleMap {

    @Inject
    @ConfigProperty(name = "headend.auth.role-map", defaultValue = " ")
    String setting;

    private Map<String, Role> byGroup;

    @PostConstruct
    void parse() {
        byGroup = parse(setting);
    }

    static Map<String, Role> parse(String setting) {
        Map<String, Role> map = new LinkedHashMap<>();
        for (String entry : setting.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.lastIndexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("headend.auth.role-map: '" + entry.trim() + "' is not group=role");
            }
            String group = entry.substring(0, eq).trim();
            String role = entry.substring(eq + 1).trim();
            try {
                map.put(group, Role.of(role));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalStateException(
                        "headend.auth.role-map: '" + role + "' is not a role (admin, operator, viewer)");
            }
        }
        return Map.copyOf(map);
    }

    public Optional<Role> roleFor(Collection<String> groups) {
        return groups.stream().map(byGroup::get).filter(r -> r != null).min(Comparator.naturalOrder());
    }

    public Map<String, Role> mappings() {
        return byGroup;
    }
}
