package org.headend.security.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.regex.Pattern;
import org.headend.audit.boundary.Actors;
import org.headend.audit.control.Audit;
import org.headend.platform.ApiException;
import org.headend.security.control.UserStore;
import org.headend.security.control.Usernames;
import org.headend.security.entity.Role;
import org.headend.security.entity.User;

/**
 * Managing local users, for the API and the console alike: validated, audited (never the
 * password), and never leaving the app without an enabled admin.
 */
@RequestScoped
@Transactional
public class UserOperations {

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    static final int MIN_PASSWORD = 10;

    @Inject
    UserStore users;

    @Inject
    Audit audit;

    @Inject
    Actors actors;

    /** Stored in lower case ({@code Alice} becomes {@code alice}), so one person has one account name. */
    public User create(String username, String password, String roleName, boolean enabled) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw ApiException.invalid(
                    "username",
                    "'username' must be 1-64 letters, digits, dots, dashes, underscores or @, starting with a letter or digit.");
        }
        checkPassword(password);
        Role role = role(roleName);
        String name = Usernames.key(username);
        if (users.exists(name)) {
            throw ApiException.conflict("A user named '" + name + "' already exists.");
        }
        User user = users.create(name, password, role);
        if (!enabled) {
            user = users.update(name, Optional.empty(), Optional.empty(), Optional.of(false));
        }
        audit.record(actors.current(), "user.create", "user", name, "role=" + role.id() + " enabled=" + enabled);
        return user;
    }

    /** Changes what is given; empty options stay as they are. */
    public User update(
            String username, Optional<String> password, Optional<String> roleName, Optional<Boolean> enabled) {
        User user = existing(username);
        String name = user.username();
        password.ifPresent(UserOperations::checkPassword);
        Optional<Role> role = roleName.map(UserOperations::role);
        boolean losesAdmin = user.role() == Role.ADMIN
                && user.enabled()
                && (role.filter(r -> r != Role.ADMIN).isPresent()
                        || enabled.filter(e -> !e).isPresent());
        if (losesAdmin && users.enabledAdmins() <= 1) {
            throw ApiException.conflict("'" + name + "' is the last enabled admin.");
        }
        User updated = users.update(name, password, role, enabled);
        audit.record(actors.current(), "user.update", "user", name, changes(password, role, enabled));
        return updated;
    }

    public void delete(String username) {
        User user = existing(username);
        if (user.role() == Role.ADMIN && user.enabled() && users.enabledAdmins() <= 1) {
            throw ApiException.conflict("'" + user.username() + "' is the last enabled admin.");
        }
        users.delete(user.username());
        audit.record(actors.current(), "user.delete", "user", user.username(), null);
    }

    public User existing(String username) {
        return users.find(username).orElseThrow(() -> ApiException.notFound("No user named '" + username + "'."));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD || password.length() > 256) {
            throw ApiException.invalid("password", "'password' must be " + MIN_PASSWORD + " to 256 characters.");
        }
    }

    private static Role role(String role) {
        try {
            return Role.of(role);
        } catch (IllegalArgumentException | NullPointerException unknown) {
            throw ApiException.invalid("role", "'role' must be admin, operator or viewer.");
        }
    }

    private static String changes(Optional<String> password, Optional<Role> role, Optional<Boolean> enabled) {
        var detail = new StringBuilder();
        password.ifPresent(p -> detail.append("password changed "));
        role.ifPresent(r -> detail.append("role=").append(r.id()).append(' '));
        enabled.ifPresent(e -> detail.append("enabled=").append(e));
        return detail.toString().trim();
    }
}
