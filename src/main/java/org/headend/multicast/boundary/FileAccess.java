package org.headend.multicast.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.ApiException;
import org.headend.security.control.Tokens;

/**
 * Who may read the {@code .sdp} files and the {@code .m3u} channel list through the API: any
 * signed-in role, or anybody with {@code headend.multicast.public-files=true}, for set-top boxes
 * that cannot send a token. They tell no more than the SAP announcements already tell the whole
 * LAN (stream names, groups, ports), but the API may face more than the LAN, so it is off by default.
 */
@ApplicationScoped
public class FileAccess {

    @Inject
    @ConfigProperty(name = "headend.multicast.public-files", defaultValue = "false")
    boolean open;

    @Inject
    Tokens tokens;

    public void check(String authorization) {
        if (open) {
            return;
        }
        try {
            tokens.fromAuthorizationHeader(authorization);
        } catch (Tokens.InvalidTokenException refused) {
            throw new ApiException(401, "Unauthorized", refused.getMessage());
        }
    }
}
