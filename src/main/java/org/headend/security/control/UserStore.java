package org.headend.security.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.headend.security.entity.Role;
import org.headend.security.entity.User;

/**
 * Local users: creation and password checks. A username is found whatever its case: new users are
 * stored in lower case, and one made in mixed case before that rule keeps its spelling, which stays
 * the canonical name its tokens and audit entries carry.
 */
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
        return find(username).isPresent();
    }

    public User create(String username, String password, Role role) {
        var user = new User(Usernames.key(username), passwords.hash(password), role);
        em.persist(user);
        return user;
    }

    public List<User> all() {
        return em.createNamedQuery(User.ALL, User.class).getResultList();
    }

    /**
     * The user of this name in any case. Two older accounts that differ only in case are told apart
     * by their exact spelling; any other spelling of them finds neither.
     */
    public Optional<User> find(String username) {
        String typed = Usernames.typed(username);
        User exact = em.find(User.class, typed);
        if (exact != null) {
            return Optional.of(exact);
        }
        List<User> found = em.createNamedQuery(User.BY_KEY, User.class)
                .setParameter("key", Usernames.key(typed))
                .setMaxResults(2)
                .getResultList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    public long enabledAdmins() {
        return em.createNamedQuery(User.COUNT_ENABLED_WITH_ROLE, Long.class)
                .setParameter("role", Role.ADMIN.id())
                .getSingleResult();
    }

    public User update(String username, Optional<String> password, Optional<Role> role, Optional<Boolean> enabled) {
        User user = find(username).orElseThrow();
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
        User user = find(username).orElse(null);
        if (user == null) {
            passwords.spendCheckTime(password);
            return Optional.empty();
        }
        boolean valid = passwords.matches(password, user.passwordHash());
        return valid && user.enabled() ? Optional.of(user) : Optional.empty();
    }
}
