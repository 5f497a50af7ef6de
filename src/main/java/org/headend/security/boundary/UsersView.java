package org.headend.security.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.headend.platform.ApiException;
import org.headend.platform.console.CallerRoles;
import org.headend.platform.console.ConsoleMessages;
import org.headend.security.control.LdapDirectory;
import org.headend.security.control.OidcSettings;
import org.headend.security.control.RoleMap;
import org.headend.security.control.UserStore;

/**
 * The users page (admins only): local users (create, enable or disable, reset the password, set
 * the role, delete) and the group-to-role map that LDAP and OIDC sign-ins go through.
 */
@Named
@ViewScoped
public class UsersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient UserOperations operations;

    @Inject
    transient UserStore users;

    @Inject
    transient RoleMap roleMap;

    @Inject
    transient LdapDirectory ldap;

    @Inject
    transient OidcSettings oidc;

    @Inject
    transient CallerRoles caller;

    private List<UserJson> rows;
    private String newUsername;
    private String newPassword;
    private String newRole = "viewer";
    private String selected;
    private String resetPassword;
    private String selectedRole;

    public List<UserJson> getRows() {
        if (rows == null) {
            rows = users.all().stream().map(UserJson::of).toList();
        }
        return rows;
    }

    public void create() {
        act("users:new-", () -> {
            var created = operations.create(newUsername, newPassword, newRole, true);
            ConsoleMessages.info("User '" + created.username() + "' created.");
            newUsername = null;
        });
        newPassword = null;
    }

    public void changeRole() {
        act(null, () -> {
            operations.update(selected, Optional.empty(), Optional.ofNullable(selectedRole), Optional.empty());
            ConsoleMessages.info("'" + selected + "' is now " + selectedRole + ".");
        });
    }

    public void setEnabled(String username, boolean enabled) {
        act(null, () -> {
            operations.update(username, Optional.empty(), Optional.empty(), Optional.of(enabled));
            ConsoleMessages.info("'" + username + "' is " + (enabled ? "enabled." : "disabled."));
        });
    }

    public void select(UserJson user) {
        selected = user.username();
        selectedRole = user.role();
        resetPassword = null;
    }

    public void resetPassword() {
        act(null, () -> {
            operations.update(selected, Optional.ofNullable(resetPassword), Optional.empty(), Optional.empty());
            ConsoleMessages.info("The password of '" + selected + "' was reset.");
        });
        resetPassword = null;
    }

    public void delete() {
        act(null, () -> {
            operations.delete(selected);
            ConsoleMessages.info("User '" + selected + "' deleted.");
        });
    }

    private void act(String fieldPrefix, Runnable action) {
        try {
            caller.requireAdmin();
            action.run();
            rows = null;
        } catch (ApiException refused) {
            ConsoleMessages.refused(refused, fieldPrefix);
        }
    }

    public Map<String, String> getRoleMap() {
        var map = new java.util.TreeMap<String, String>();
        roleMap.mappings().forEach((group, role) -> map.put(group, role.id()));
        return map;
    }

    public List<Map.Entry<String, String>> getRoleMapEntries() {
        return List.copyOf(getRoleMap().entrySet());
    }

    public boolean isLdapEnabled() {
        return ldap.enabled();
    }

    public boolean isOidcEnabled() {
        return oidc.enabled();
    }

    public List<String> getRoles() {
        return List.of("admin", "operator", "viewer");
    }

    public String getNewUsername() {
        return newUsername;
    }

    public void setNewUsername(String newUsername) {
        this.newUsername = newUsername;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getNewRole() {
        return newRole;
    }

    public void setNewRole(String newRole) {
        this.newRole = newRole;
    }

    public String getSelected() {
        return selected;
    }

    public String getSelectedRole() {
        return selectedRole;
    }

    public void setSelectedRole(String selectedRole) {
        this.selectedRole = selectedRole;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }
}
