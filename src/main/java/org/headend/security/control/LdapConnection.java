package org.headend.security.control;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import javax.naming.AuthenticationException;
import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NamingException;
import javax.naming.SizeLimitExceededException;
import javax.naming.directory.SearchControls;
import javax.naming.directory.SearchResult;
import javax.naming.ldap.InitialLdapContext;
import javax.naming.ldap.LdapContext;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.StartTlsRequest;
import javax.naming.ldap.StartTlsResponse;

/**
 * One connection to the directory through JNDI, opened without a bind, upgraded with StartTLS
 * when configured (before any credentials cross the wire), then bound by {@link #bind}. Never
 * pooled: a connection bound as a user must not be handed to the next caller.
 */
final class LdapConnection implements AutoCloseable {

    static final String TIMEOUT_MILLIS = "5000";
    private static final int SEARCH_SECONDS = 5;

    private final LdapContext context;

    private LdapConnection(LdapContext context) {
        this.context = context;
    }

    static LdapConnection open(LdapSettings settings) throws NamingException {
        var env = new Hashtable<String, Object>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.ldap.LdapCtxFactory");
        env.put(Context.PROVIDER_URL, settings.url().toString());
        // LDAPv3 only: JNDI's default (v3, falling back to v2) binds anonymously on connect, before StartTLS.
        env.put("java.naming.ldap.version", "3");
        env.put(Context.SECURITY_AUTHENTICATION, "none");
        env.put(Context.REFERRAL, "ignore");
        env.put("com.sun.jndi.ldap.connect.pool", "false");
        env.put("com.sun.jndi.ldap.connect.timeout", TIMEOUT_MILLIS);
        env.put("com.sun.jndi.ldap.read.timeout", TIMEOUT_MILLIS);
        var connection = new LdapConnection(new InitialLdapContext(env, null));
        if (settings.startTls()) {
            connection.startTls();
        }
        return connection;
    }

    private void startTls() throws NamingException {
        try {
            var tls = (StartTlsResponse) context.extendedOperation(new StartTlsRequest());
            // Verifies the server's certificate against the JVM's trust store and its name against the URL's host.
            tls.negotiate();
        } catch (IOException | NamingException e) {
            close();
            var failure = new CommunicationException("StartTLS failed: " + e.getMessage());
            failure.setRootCause(e);
            throw failure;
        }
    }

    /** Binds with a DN and password on this connection; {@link AuthenticationException} when refused. */
    void bind(String dn, String password) throws NamingException {
        if (password.isEmpty()) {
            throw new AuthenticationException("empty password (an unauthenticated bind) refused");
        }
        context.addToEnvironment(Context.SECURITY_AUTHENTICATION, "simple");
        context.addToEnvironment(Context.SECURITY_PRINCIPAL, dn);
        context.addToEnvironment(Context.SECURITY_CREDENTIALS, password);
        // Re-authenticates on the open (possibly TLS-upgraded) connection rather than opening a new one.
        context.reconnect(null);
    }

    /** The entries under base matching filter: the first limit of them when there are more. */
    List<SearchResult> search(String base, String filter, int limit, String... attributes) throws NamingException {
        var controls = new SearchControls();
        controls.setSearchScope(SearchControls.SUBTREE_SCOPE);
        controls.setCountLimit(limit);
        controls.setTimeLimit(SEARCH_SECONDS * 1000);
        controls.setReturningAttributes(attributes);
        List<SearchResult> found = new ArrayList<>();
        // A Name, not a String: JNDI would read a '/' in a DN as a composite-name separator.
        var results = context.search(new LdapName(base), filter, controls);
        try {
            while (results.hasMore()) {
                found.add(results.next());
            }
        } catch (SizeLimitExceededException more) {
            // The entries up to the limit have arrived; the caller decides whether more matter.
        } finally {
            results.close();
        }
        return found;
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (NamingException e) {
            // Closing an LDAP connection that is already gone: nothing left to release.
        }
    }
}
