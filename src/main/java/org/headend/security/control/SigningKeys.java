package org.headend.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.HeadendHome;

/**
 * The RSA key pair that signs API tokens. Configured paths win; otherwise a pair is generated on
 * first start under the data directory (private key readable by the owner only) and reused after.
 */
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());

    @Inject
    HeadendHome home;

    @Inject
    @ConfigProperty(name = "headend.jwt.private-key-location")
    Optional<String> privateKeyLocation;

    @Inject
    @ConfigProperty(name = "headend.jwt.public-key-location")
    Optional<String> publicKeyLocation;

    private KeyPair pair;

    @PostConstruct
    void load() {
        Path dir = home.dir("keys");
        Path privateFile = privateKeyLocation.map(Path::of).orElse(dir.resolve("jwt-private.pem"));
        Path publicFile = publicKeyLocation.map(Path::of).orElse(dir.resolve("jwt-public.pem"));
        try {
            if (!Files.exists(privateFile)) {
                generate(privateFile, publicFile);
            }
            pair = new KeyPair(readPublic(publicFile), readPrivate(privateFile));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the token signing keys", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The token signing keys are not valid RSA PEM files", e);
        }
    }

    public PrivateKey privateKey() {
        return pair.getPrivate();
    }

    public PublicKey publicKey() {
        return pair.getPublic();
    }

    private static void generate(Path privateFile, Path publicFile) throws IOException, GeneralSecurityException {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair generated = generator.generateKeyPair();
        Files.createDirectories(privateFile.toAbsolutePath().getParent());
        Files.writeString(publicFile, pem("PUBLIC KEY", generated.getPublic().getEncoded()));
        Path tmp = Files.createTempFile(
                privateFile.toAbsolutePath().getParent(),
                "jwt",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, pem("PRIVATE KEY", generated.getPrivate().getEncoded()));
        Files.move(tmp, privateFile);
        LOG.info("Generated a new token signing key pair in " + privateFile.getParent());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] der(Path file) throws IOException {
        String body = Files.readString(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static PublicKey readPublic(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der(file)));
    }

    private static PrivateKey readPrivate(Path file) throws IOException, GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(file)));
    }
}
