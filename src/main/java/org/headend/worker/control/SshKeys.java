package org.headend.worker.control;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The node's own SSH key pair (ed25519), generated into {@code headend.home/keys/} on first use
 * and kept there (private key readable by the app's user only). Only the public key ever leaves
 * this class.
 */
@ApplicationScoped
public class SshKeys {

    /** The public key as one authorized_keys line: {@code ssh-ed25519 AAAA... headend@<host>}. */
    public String publicKey() {
        throw new UnsupportedOperationException("SSH keys: to be built");
    }

    /** Gives the private key to a JSch instance as its identity. */
    public void addIdentityTo(com.jcraft.jsch.JSch jsch) throws WorkerLinkException {
        throw new UnsupportedOperationException("SSH keys: to be built");
    }
}
