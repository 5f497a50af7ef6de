package org.headend.security.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.headend.platform.SecureTokens;
import org.headend.security.control.UserStore;
import org.headend.security.entity.Role;

/**
 * Creates the first admin on the very first start: with {@code headend.admin.password} when set,
 * else with a random password shown once on the console and kept only as a hash.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());
    public static final String ADMIN = "admin";

    @Inject
    UserStore users;

    @Inject
    @ConfigProperty(name = "headend.admin.password")
    Optional<String> configuredPassword;

    @PostConstruct
    void createFirstAdmin() {
        if (!users.isEmpty()) {
            return;
        }
        if (configuredPassword.filter(p -> !p.isBlank()).isPresent()) {
            users.create(ADMIN, configuredPassword.get(), Role.ADMIN);
            LOG.info("Created the first admin user 'admin' with the password from headend.admin.password");
            return;
        }
        String password = SecureTokens.urlSafe(18);
        users.create(ADMIN, password, Role.ADMIN);
        // Shown this once, on purpose: it is the only way the operator learns it; only its hash is kept.
        LOG.warning("\n\n  First start: created user 'admin' with password  " + password
                + "\n  It is shown only now and stored only as a hash. Set HEADEND_ADMIN_PASSWORD to choose it.\n");
    }
}
