package org.headend.security.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.headend.security.entity.Role;
import org.headend.security.entity.User;

/** Local users: creation and password checks. */
@Stateless
public class UserStore {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    public boolean isEmpty() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult() == 0;
    }

    public boolean exists(String username) {
        return em.find(User.class, username) != null;
    }

    public User create(String username, String password, Role role) {
        var user = new User(username, passwords.hash(password), role);
        em.persist(user);
        return user;
    }

    public List<User> all() {
        return em.createNamedQuery(User.ALL, User.class).getResultList();
    }

    public Optional<User> find(String username) {
        return Optional.ofNullable(em.find(User.class, username));
    }

    public long enabledAdmins() {
        return em.createNamedQuery(User.COUNT_ENABLED_WITH_ROLE, Long.class)
                .setParameter("role", Role.ADMIN.id())
                .getSingleResult();
    }

    public User update(String username, Optional<String> password, Optional<Role> role, Optional<Boolean> enabled) {
        User user = em.find(User.class, username);
        password.ifPresent(p -> user.changePassword(passwords.hash(p)));
        role.ifPresent(user::changeRole);
        enabled.ifPresent(user::enable);
        return user;
    }

    public void delete(String username) {
        find(username).ifPresent(em::remove);
    }

    /** The enabled user with these credentials, if any. */
    public Optional<User> authenticate(String username, String password) {
        User user = em.find(User.class, username);
        if (user == null) {
            passwords.spendCheckTime(password);
            return Optional.empty();
        }
        boolean valid = passwords.matches(password, user.passwordHash());
        return valid && user.enabled() ? Optional.of(user) : Optional.empty();
    }
}
