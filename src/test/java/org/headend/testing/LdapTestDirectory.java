package org.headend.testing;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldif.LDIFException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * A real LDAP server in the test JVM (UnboundID's in-memory directory) on 127.0.0.1, seeded with
 * {@code ou=people} users and {@code ou=groups} groups. Searches need a bind, so the application
 * must use its service account; anonymous searches are refused as on most production directories.
 */
public final class LdapTestDirectory implements AutoCloseable {

    public static final String BASE = "dc=example,dc=com";
    public static final String PEOPLE = "ou=people," + BASE;
    public static final String GROUPS = "ou=groups," + BASE;
    public static final String SERVICE_DN = "cn=headend,ou=services," + BASE;
    public static final String SERVICE_PASSWORD = "service-Secret-1";

    /** Users by uid, each with the groups it is a member of. */
    public static final Map<String, List<String>> USERS = Map.of(
            "alice", List.of("video-admins"),
            "bob", List.of("video-ops"),
            "carol", List.of("staff-unmapped"),
            "dave", List.of(),
            // Filter characters in the uid and a comma (escaped as \, in its DN) for the group search.
            "fay(tv), desk", List.of("video-ops"));

    private final InMemoryDirectoryServer server;
    private final LdapTlsWatch tls;

    private LdapTestDirectory(SSLSocketFactory startTls) {
        try {
            var config = new InMemoryDirectoryServerConfig(BASE);
            config.setAuthenticationRequiredOperationTypes(OperationType.SEARCH, OperationType.COMPARE);
            tls = startTls == null ? null : new LdapTlsWatch(startTls);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(
                    "ldap", loopback(), 0, tls == null ? null : tls.socketFactory()));
            if (tls != null) {
                config.setAccessLogHandler(tls.accessLog());
            }
            server = new InMemoryDirectoryServer(config);
            seed();
            server.startListening();
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain LDAP on a free port. */
    public static LdapTestDirectory plain() {
        return new LdapTestDirectory(null);
    }

    /** LDAP that offers StartTLS with the given server certificate, and watches which binds it protects. */
    public static LdapTestDirectory withStartTls(SSLSocketFactory serverSide) {
        return new LdapTestDirectory(serverSide);
    }

    public static String passwordOf(String uid) {
        return uid.replaceAll("\\W", "") + "-Secret-1";
    }

    public static String dnOf(String uid) {
        return "uid=" + uid.replace(",", "\\,") + "," + PEOPLE;
    }

    public String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    /** Binds so far on connections that had not been upgraded with StartTLS ({@link #withStartTls} only). */
    public int plaintextBinds() {
        return tls.plaintextBinds();
    }

    /** Binds so far on connections upgraded with StartTLS. */
    public int protectedBinds() {
        return tls.protectedBinds();
    }

    private void seed() {
        add("dn: " + BASE, "objectClass: domain", "dc: example");
        for (String ou : List.of("people", "groups", "services")) {
            add("dn: ou=" + ou + "," + BASE, "objectClass: organizationalUnit", "ou: " + ou);
        }
        add(
                "dn: " + SERVICE_DN,
                "objectClass: person",
                "cn: headend",
                "sn: service",
                "userPassword: " + SERVICE_PASSWORD);
        USERS.keySet().forEach(this::addUser);
        List<String> groups =
                USERS.values().stream().flatMap(List::stream).distinct().toList();
        for (String group : groups) {
            List<String> entry = new ArrayList<>(
                    List.of("dn: cn=" + group + "," + GROUPS, "objectClass: groupOfNames", "cn: " + group));
            USERS.forEach((uid, memberOf) -> {
                if (memberOf.contains(group)) {
                    entry.add("member: " + dnOf(uid));
                }
            });
            add(entry.toArray(String[]::new));
        }
    }

    private void addUser(String uid) {
        add(
                "dn: " + dnOf(uid),
                "objectClass: inetOrgPerson",
                "uid: " + uid,
                "cn: " + uid,
                "sn: " + uid,
                "userPassword: " + passwordOf(uid));
    }

    private void add(String... ldif) {
        try {
            server.add(ldif);
        } catch (LDAPException | LDIFException e) {
            throw new IllegalStateException("Cannot add " + ldif[0], e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
