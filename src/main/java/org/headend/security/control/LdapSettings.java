package org.headend.security.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;

/**
 * The directory settings ({@code headend.ldap.*}), checked together so that a typo in one of them
 * shows up as a message naming the setting rather than as a failed sign-in. The service account's
 * password never appears in {@link #toString()} or in a message.
 */
record LdapSettings(
        URI url,
        boolean startTls,
        Optional<String> bindDn,
        String bindPassword,
        String userBaseDn,
        String userFilter,
        String groupBaseDn,
        String groupFilter,
        String usernameAttribute) {

    /** An attribute's name or OID (RFC 4512 {@code oid}), nothing that could add options or a filter. */
    private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}|[0-9]+(\\.[0-9]+)+");

    static LdapSettings of(
            String url,
            boolean startTls,
            Optional<String> bindDn,
            Optional<String> bindPassword,
            Optional<String> userBaseDn,
            String userFilter,
            Optional<String> groupBaseDn,
            String groupFilter,
            String usernameAttribute) {
        URI uri = url(url, startTls);
        Optional<String> account = bindDn.map(String::trim).filter(dn -> !dn.isEmpty());
        account.ifPresent(dn -> dn("headend.ldap.bind-dn", Optional.of(dn)));
        String password = bindPassword.orElse("");
        if (account.isPresent() && password.isEmpty()) {
            // An empty password would be an unauthenticated bind, which many servers accept as anonymous.
            throw new IllegalStateException("headend.ldap.bind-password is required with headend.ldap.bind-dn");
        }
        return new LdapSettings(
                uri,
                startTls,
                account,
                password,
                dn("headend.ldap.user-base-dn", userBaseDn),
                LdapFilters.checked("headend.ldap.user-filter", userFilter),
                dn("headend.ldap.group-base-dn", groupBaseDn),
                LdapFilters.checked("headend.ldap.group-filter", groupFilter),
                attribute("headend.ldap.username-attribute", usernameAttribute));
    }

    private static String attribute(String key, String name) {
        String trimmed = name.trim();
        if (!ATTRIBUTE.matcher(trimmed).matches()) {
            throw new IllegalStateException(key + ": '" + trimmed + "' is not an attribute name, such as uid");
        }
        return trimmed;
    }

    private static URI url(String text, boolean startTls) {
        String trimmed = text.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("headend.ldap.url: '" + trimmed + "' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("ldap") && !scheme.equals("ldaps")) {
            throw new IllegalStateException(
                    "headend.ldap.url: '" + trimmed + "' is not an ldap:// or ldaps:// URL (ldap://host:389)");
        }
        if (uri.getHost() == null || uri.getUserInfo() != null) {
            throw new IllegalStateException(
                    "headend.ldap.url: '" + trimmed + "' needs a host and an optional port, such as ldap://host:389");
        }
        boolean onlyServer = (uri.getPath() == null
                        || uri.getPath().isEmpty()
                        || uri.getPath().equals("/"))
                && uri.getQuery() == null
                && uri.getFragment() == null;
        if (!onlyServer) {
            throw new IllegalStateException("headend.ldap.url: '" + trimmed
                    + "' must name the server only; base DNs go in headend.ldap.user-base-dn and group-base-dn");
        }
        if (startTls && scheme.equals("ldaps")) {
            throw new IllegalStateException(
                    "headend.ldap.start-tls upgrades ldap:// connections; an ldaps:// URL is encrypted already");
        }
        return URI.create(scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
    }

    private static String dn(String key, Optional<String> value) {
        String dn = value.map(String::trim)
                .filter(v -> !v.isEmpty())
                .orElseThrow(() -> new IllegalStateException(key + " is required when headend.ldap.url is set"));
        try {
            new LdapName(dn);
        } catch (InvalidNameException e) {
            throw new IllegalStateException(
                    key + ": '" + dn + "' is not a distinguished name (ou=people,dc=example,dc=com)");
        }
        return dn;
    }

    @Override
    public String toString() {
        return "LdapSettings[url=" + url + ", startTls=" + startTls + ", bindDn=" + bindDn.orElse("(anonymous)")
                + ", userBaseDn=" + userBaseDn + ", userFilter=" + userFilter + ", groupBaseDn=" + groupBaseDn
                + ", groupFilter=" + groupFilter + ", usernameAttribute=" + usernameAttribute + "]";
    }
}
