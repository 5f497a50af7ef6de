package org.headend.security.control;

/**
 * Builds LDAP search filters from the configured templates ({@code (uid={0})}). What a user typed
 * is escaped per RFC 4515 before it goes into a filter: unescaped, a username such as {@code *} or
 * {@code alice)(uid=*} would change the filter itself and match other entries.
 */
final class LdapFilters {

    static final String PLACEHOLDER = "{0}";

    private LdapFilters() {}

    /** The value as an RFC 4515 assertion value: {@code \ * ( )} and NUL as {@code \XX}. */
    static String escape(String value) {
        var escaped = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\5c");
                case '*' -> escaped.append("\\2a");
                case '(' -> escaped.append("\\28");
                case ')' -> escaped.append("\\29");
                case '\0' -> escaped.append("\\00");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** The template with every {@code {0}} replaced by the escaped value. */
    static String fill(String template, String value) {
        return template.replace(PLACEHOLDER, escape(value));
    }

    /** Refuses a template that is not one parenthesised filter using {@code {0}}, naming the setting. */
    static String checked(String key, String template) {
        String filter = template.trim();
        if (!filter.contains(PLACEHOLDER)) {
            throw new IllegalStateException(key + ": '" + filter + "' does not contain " + PLACEHOLDER);
        }
        if (!filter.startsWith("(") || !filter.endsWith(")") || !balanced(filter)) {
            throw new IllegalStateException(
                    key + ": '" + filter + "' is not an LDAP filter in parentheses, such as (uid={0})");
        }
        return filter;
    }

    private static boolean balanced(String filter) {
        int depth = 0;
        for (int i = 0; i < filter.length(); i++) {
            char c = filter.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }
}
