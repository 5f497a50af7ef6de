package org.headend.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.AuthenticationException;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchResult;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-in against an LDAP directory, enabled when {@code headend.ldap.url} is set: the service
 * account (or an anonymous connection) finds the user's entry, a bind as that entry checks the
 * password, and the groups naming the entry as a member are returned by their {@code cn}. The user
 * is named by the entry's own username attribute ({@code uid}), not by what was typed: directories
 * match {@code ALICE} to {@code alice}, and Headend must count that person once. Settings are
 * checked on first use, so a typo surfaces as a message naming the setting.
 */
@ApplicationScoped
public class LdapDirectory {

    private static final Logger LOG = Logger.getLogger(LdapDirectory.class.getName());
    private static final int MAX_USERNAME = 256;
    private static final int MAX_GROUPS = 1000;

    @Inject
    @ConfigProperty(name = "headend.ldap.url")
    Optional<String> url;

    @Inject
    @ConfigProperty(name = "headend.ldap.start-tls", defaultValue = "false")
    boolean startTls;

    @Inject
    @ConfigProperty(name = "headend.ldap.bind-dn")
    Optional<String> bindDn;

    @Inject
    @ConfigProperty(name = "headend.ldap.bind-password")
    Optional<String> bindPassword;

    @Inject
    @ConfigProperty(name = "headend.ldap.user-base-dn")
    Optional<String> userBaseDn;

    @Inject
    @ConfigProperty(name = "headend.ldap.user-filter", defaultValue = "(uid={0})")
    String userFilter;

    @Inject
    @ConfigProperty(name = "headend.ldap.group-base-dn")
    Optional<String> groupBaseDn;

    @Inject
    @ConfigProperty(name = "headend.ldap.group-filter", defaultValue = "(member={0})")
    String groupFilter;

    @Inject
    @ConfigProperty(name = "headend.ldap.username-attribute", defaultValue = "uid")
    String usernameAttribute;

    private volatile LdapSettings settings;

    public boolean enabled() {
        return url.filter(u -> !u.isBlank()).isPresent();
    }

    /**
     * The user and its groups when the directory accepts the password; empty when it does not, when
     * no entry or several entries match the username, or for an empty password. A directory that
     * cannot be reached or refuses the service account is a {@link DirectoryUnavailableException}: an
     * outage is not the user's wrong password.
     */
    public Optional<DirectoryUser> authenticate(String username, String password) {
        if (!enabled() || username.isBlank() || username.length() > MAX_USERNAME || password.isEmpty()) {
            return Optional.empty();
        }
        LdapSettings directory = settings();
        try (var service = LdapConnection.open(directory)) {
            if (directory.bindDn().isPresent()) {
                service.bind(directory.bindDn().get(), directory.bindPassword());
            }
            Optional<Entry> entry = findUser(service, directory, username);
            if (entry.isEmpty() || !passwordAccepted(directory, entry.get().dn(), password)) {
                return Optional.empty();
            }
            List<String> groups = groupsOf(service, directory, entry.get().dn());
            LOG.fine(() -> "LDAP sign-in of " + entry.get().dn() + " with groups " + groups);
            return Optional.of(new DirectoryUser(entry.get().username(), groups));
        } catch (NamingException e) {
            // The message of a NamingException names the server and the operation, never a password.
            throw new DirectoryUnavailableException(
                    "LDAP directory " + directory.url() + " failed: "
                            + e.getClass().getSimpleName() + " " + e.getMessage(),
                    e);
        }
    }

    private LdapSettings settings() {
        if (settings == null) {
            LdapSettings checked = LdapSettings.of(
                    url.orElse(""),
                    startTls,
                    bindDn,
                    bindPassword,
                    userBaseDn,
                    userFilter,
                    groupBaseDn,
                    groupFilter,
                    usernameAttribute);
            LOG.info(() -> "LDAP sign-in enabled: " + checked);
            settings = checked;
        }
        return settings;
    }

    /** The user's entry: its DN, and its name as the directory spells it. */
    private record Entry(String dn, String username) {}

    private static Optional<Entry> findUser(LdapConnection service, LdapSettings directory, String username)
            throws NamingException {
        // Two at most: one is the user, a second makes the username ambiguous.
        List<SearchResult> found = service.search(
                directory.userBaseDn(),
                LdapFilters.fill(directory.userFilter(), username),
                2,
                directory.usernameAttribute());
        if (found.size() != 1) {
            LOG.log(Level.INFO, "LDAP sign-in refused: {0} entries match the username", found.size());
            return Optional.empty();
        }
        String dn = found.get(0).getNameInNamespace();
        Attribute name = found.get(0).getAttributes().get(directory.usernameAttribute());
        Optional<String> canonical = Optional.ofNullable(name)
                .flatMap(LdapDirectory::firstValue)
                .map(String::strip)
                .filter(n -> !n.isEmpty());
        if (canonical.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "LDAP sign-in refused: {0} has no {1} attribute (headend.ldap.username-attribute)",
                    new Object[] {dn, directory.usernameAttribute()});
        }
        return canonical.map(n -> new Entry(dn, n));
    }

    private static boolean passwordAccepted(LdapSettings directory, String userDn, String password)
            throws NamingException {
        try (var user = LdapConnection.open(directory)) {
            user.bind(userDn, password);
            return true;
        } catch (AuthenticationException refused) {
            LOG.log(Level.INFO, "LDAP sign-in refused for {0}: wrong password or locked account", userDn);
            return false;
        }
    }

    private static List<String> groupsOf(LdapConnection service, LdapSettings directory, String userDn)
            throws NamingException {
        return service
                .search(directory.groupBaseDn(), LdapFilters.fill(directory.groupFilter(), userDn), MAX_GROUPS, "cn")
                .stream()
                .map(group -> group.getAttributes().get("cn"))
                .filter(cn -> cn != null)
                .map(LdapDirectory::firstValue)
                .flatMap(Optional::stream)
                .toList();
    }

    private static Optional<String> firstValue(Attribute attribute) {
        try {
            return Optional.ofNullable(attribute.get()).map(Object::toString);
        } catch (NamingException e) {
            return Optional.empty();
        }
    }
}
