package org.headend.security.control;

import java.util.Locale;

/**
 * What a typed username is compared by. People type {@code ALICE} or {@code " Alice"} for
 * {@code alice}: directories match names without regard to case or surrounding blanks, so Headend
 * does too, and one person is counted once by the lockout and owns one set of tokens and entries.
 */
public final class Usernames {

    private Usernames() {}

    /** The name as typed, without the blanks around it: what is looked up. */
    public static String typed(String username) {
        return username == null ? "" : username.strip();
    }

    /** The form two spellings of one name share: trimmed and lower case. New local users are stored so. */
    public static String key(String username) {
        return typed(username).toLowerCase(Locale.ROOT);
    }
}
