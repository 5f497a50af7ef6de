package org.headend.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.headend.platform.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class StreamNamesTest {

    static final String LONGEST = "a".repeat(63);

    @ParameterizedTest
    @ValueSource(strings = {"townhall", "a", "x-1", "0day"})
    void acceptsSafeNames(String name) {
        assertTrue(StreamNames.isValid(name), name);
    }

    @Test
    void acceptsSixtyThreeCharacters() {
        assertTrue(StreamNames.isValid(LONGEST));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "Town", "a/b", "../x", "a b", "-x", "a;rm", "a.b", "townhall\n"})
    void rejectsUnsafeNames(String name) {
        assertFalse(StreamNames.isValid(name), String.valueOf(name));
    }

    @Test
    void rejectsSixtyFourCharacters() {
        assertFalse(StreamNames.isValid(LONGEST + "a"));
    }

    @Test
    void requireReturnsAValidName() {
        assertEquals("townhall", StreamNames.require("name", "townhall"));
    }

    @Test
    void requireRefusesNamingTheField() {
        var refused = assertThrows(ApiException.class, () -> StreamNames.require("ladder", "../x"));

        assertEquals(400, refused.status());
        assertTrue(refused.getMessage().contains("'ladder'"), refused.getMessage());
    }
}
