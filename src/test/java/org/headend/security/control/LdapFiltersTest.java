package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.sdk.Filter;
import java.util.List;
import org.junit.jupiter.api.Test;

class LdapFiltersTest {

    @Test
    void theFiveSpecialCharactersAreEscapedAsHexPairs() {
        assertEquals("\\5c\\2a\\28\\29\\00", LdapFilters.escape("\\*()\0"));
    }

    @Test
    void ordinaryCharactersPassThrough() {
        assertEquals("alice.o'neil-2@example.com, Zoë", LdapFilters.escape("alice.o'neil-2@example.com, Zoë"));
    }

    @Test
    void aWildcardUsernameIsAnEqualityAssertionOnALiteralAsterisk() throws Exception {
        String filter = LdapFilters.fill("(uid={0})", "*");

        assertEquals("(uid=\\2a)", filter);
        // Read back by an independent RFC 4515 parser: not a presence or substring match.
        Filter parsed = Filter.create(filter);
        assertEquals(Filter.FILTER_TYPE_EQUALITY, parsed.getFilterType());
        assertEquals("*", parsed.getAssertionValue());
    }

    @Test
    void aUsernameCannotCloseTheFilterAndAddItsOwn() throws Exception {
        String filter = LdapFilters.fill("(&(objectClass=person)(uid={0}))", "alice)(uid=*");

        assertEquals("(&(objectClass=person)(uid=alice\\29\\28uid=\\2a))", filter);
        Filter parsed = Filter.create(filter);
        assertEquals(2, parsed.getComponents().length);
        Filter uid = parsed.getComponents()[1];
        assertEquals(Filter.FILTER_TYPE_EQUALITY, uid.getFilterType());
        assertEquals("alice)(uid=*", uid.getAssertionValue());
    }

    @Test
    void aNulCannotCutTheFilterShort() throws Exception {
        Filter parsed = Filter.create(LdapFilters.fill("(uid={0})", "alice\0*"));

        assertEquals(Filter.FILTER_TYPE_EQUALITY, parsed.getFilterType());
        assertEquals("alice\0*", parsed.getAssertionValue());
    }

    @Test
    void everyPlaceholderIsFilledAndAnEscapeIsNotReinterpreted() {
        assertEquals("(|(uid=\\5c2a)(mail=\\5c2a))", LdapFilters.fill("(|(uid={0})(mail={0}))", "\\2a"));
    }

    @Test
    void aUserDnIsEscapedForTheGroupFilter() {
        assertEquals(
                "(member=uid=fay\\28tv\\29\\5c, desk,ou=people,dc=example,dc=com)",
                LdapFilters.fill("(member={0})", "uid=fay(tv)\\, desk,ou=people,dc=example,dc=com"));
    }

    @Test
    void aTemplateWithoutPlaceholderIsRefusedNamingTheSetting() {
        var refused = assertThrows(
                IllegalStateException.class, () -> LdapFilters.checked("headend.ldap.user-filter", "(uid=alice)"));
        assertEquals("headend.ldap.user-filter: '(uid=alice)' does not contain {0}", refused.getMessage());
    }

    @Test
    void aTemplateThatIsNotOneParenthesisedFilterIsRefused() {
        for (String template : List.of("uid={0}", "(uid={0}", "(uid={0}))", "(a={0}))(b=*")) {
            var refused = assertThrows(
                    IllegalStateException.class, () -> LdapFilters.checked("headend.ldap.user-filter", template));
            assertTrue(refused.getMessage().contains("is not an LDAP filter in parentheses"), refused.getMessage());
        }
    }

    @Test
    void aGoodTemplateIsKeptTrimmed() {
        assertEquals(
                "(&(objectClass=person)(uid={0}))",
                LdapFilters.checked("headend.ldap.user-filter", " (&(objectClass=person)(uid={0})) "));
    }
}
