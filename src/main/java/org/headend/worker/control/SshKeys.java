package org.headend.worker.control;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.logging.Logger;
import org.headend.platform.HeadendHome;

/**
 * The node's own SSH key pair (ed25519), generated into {@code headend.home/keys/} on first use
 * and kept there (private key readable by the app's user only). Only the public key ever leaves
 * this class: the private one is read from its file when a link signs in and handed to JSch, and
 * is never held in a field, logged or put in a message.
 */
@ApplicationScoped
public class SshKeys {

    static final String PRIVATE_KEY = "id_ed25519";
    static final String PUBLIC_KEY = "id_ed25519.pub";

    private static final Logger LOG = Logger.getLogger(SshKeys.class.getName());
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Inject
    HeadendHome home;

    private Path dir;
    private String publicKey;

    public SshKeys() {}

    /** Keys in a given folder, for tests. */
    SshKeys(Path dir) {
        this.dir = dir;
    }

    /**
     * The public key as one authorized_keys line: {@code ssh-ed25519 AAAA... headend@<host>}.
     *
     * @throws UncheckedIOException (of a {@link WorkerLinkException}) when the key folder cannot be
     *     written or holds a key that cannot be read
     */
    public synchronized String publicKey() {
        if (publicKey == null) {
            try {
                publicKey = readPublicKey();
            } catch (WorkerLinkException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        return publicKey;
    }

    private String readPublicKey() throws WorkerLinkException {
        byte[] privateKey = privateKey();
        try {
            KeyPair pair = KeyPair.load(new JSch(), privateKey, null);
            String line =
                    "ssh-ed25519 " + Base64.getEncoder().encodeToString(pair.getPublicKeyBlob()) + " " + comment();
            pair.dispose();
            return line;
        } catch (JSchException e) {
            throw unreadable();
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /** Gives the private key to a JSch instance as its identity. */
    public void addIdentityTo(JSch jsch) throws WorkerLinkException {
        byte[] privateKey = privateKey();
        try {
            jsch.addIdentity("headend", privateKey, null, null);
        } catch (JSchException e) {
            throw unreadable();
        } finally {
            Arrays.fill(privateKey, (byte) 0);
        }
    }

    /** The private key file's bytes, made first if there is none yet. */
    private synchronized byte[] privateKey() throws WorkerLinkException {
        Path keys = keyDir();
        Path file = keys.resolve(PRIVATE_KEY);
        try {
            if (!Files.exists(file)) {
                generate(keys);
            }
            if (!OWNER_ONLY.equals(Files.getPosixFilePermissions(file))) {
                LOG.warning(
                        "Headend's private SSH key " + file + " was readable by others; it is now by its owner only");
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new WorkerLinkException(
                    "Headend's SSH key in " + keys + " cannot be read or made: " + e.getMessage());
        }
    }

    /** Writes a new pair; the private key is owner-only from its first byte, and appears whole. */
    private void generate(Path keys) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPair.genKeyPair(new JSch(), KeyPair.ED25519);
        } catch (JSchException e) {
            throw new IOException("this Java cannot make an ed25519 key", e);
        }
        try {
            var privateKey = new ByteArrayOutputStream();
            pair.writeOpenSSHv1PrivateKey(privateKey, null);
            Path temporary =
                    Files.createTempFile(keys, PRIVATE_KEY, ".new", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(temporary, privateKey.toByteArray());
            var publicKeyFile = new ByteArrayOutputStream();
            pair.writePublicKey(publicKeyFile, comment());
            Files.write(keys.resolve(PUBLIC_KEY), publicKeyFile.toByteArray());
            Files.move(temporary, keys.resolve(PRIVATE_KEY), StandardCopyOption.ATOMIC_MOVE);
            LOG.info("Made Headend's SSH key pair in " + keys);
        } catch (JSchException e) {
            throw new IOException("the new key cannot be written", e);
        } finally {
            pair.dispose();
        }
    }

    private Path keyDir() throws WorkerLinkException {
        try {
            Path keys = dir != null ? Files.createDirectories(dir) : home.dir("keys");
            Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rwx------"));
            return keys;
        } catch (IOException | RuntimeException e) {
            throw new WorkerLinkException("Headend's key folder cannot be made: " + e.getMessage());
        }
    }

    private static String comment() {
        try {
            return "headend@" + InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "headend@node";
        }
    }

    private WorkerLinkException unreadable() {
        return new WorkerLinkException("Headend's private SSH key in the key folder is not an unencrypted OpenSSH key;"
                + " move it away and a new pair is made");
    }

    @Override
    public String toString() {
        return "SshKeys";
    }
}
