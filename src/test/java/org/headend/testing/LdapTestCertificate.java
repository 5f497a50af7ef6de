package org.headend.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

/**
 * A self-signed certificate for 127.0.0.1 made with the JDK's keytool, for a test directory that
 * speaks TLS, and a trust store holding only that certificate, for the application to trust it.
 */
public final class LdapTestCertificate {

    public static final String STORE_PASSWORD = "changeit";
    private static final String ALIAS = "ldap";

    private final Path keyStore;
    private final Path trustStore;

    private LdapTestCertificate(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    public static LdapTestCertificate generate(Path folder) {
        Path keyStore = folder.resolve("ldap-server.p12");
        Path trustStore = folder.resolve("ldap-trust.p12");
        keytool(List.of(
                "-genkeypair",
                "-keystore",
                keyStore.toString(),
                "-storetype",
                "PKCS12",
                "-storepass",
                STORE_PASSWORD,
                "-alias",
                ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "SAN=ip:127.0.0.1,dns:localhost",
                "-validity",
                "2"));
        try {
            KeyStore keys = load(keyStore);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));
            try (OutputStream out = Files.newOutputStream(trustStore)) {
                trusted.store(out, STORE_PASSWORD.toCharArray());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new LdapTestCertificate(keyStore, trustStore);
    }

    /** The trust store, for {@code -Djavax.net.ssl.trustStore} in the application's JVM. */
    public Path trustStore() {
        return trustStore;
    }

    /** Server-side TLS with this certificate, as a directory's StartTLS needs it. */
    public SSLSocketFactory serverSocketFactory() {
        try {
            var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(load(keyStore), STORE_PASSWORD.toCharArray());
            var context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), null, null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        return store;
    }

    private static void keytool(List<String> arguments) {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(arguments);
        try {
            Process keytool =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(keytool.getInputStream().readAllBytes());
            if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
