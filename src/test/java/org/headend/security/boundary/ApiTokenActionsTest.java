package org.headend.security.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.headend.platform.ApiException;
import org.junit.jupiter.api.Test;

/** The rules a new token's name and lifetime must follow, without a container. */
class ApiTokenActionsTest {

    @Test
    void aNameIsTrimmedAndKept() {
        assertEquals("nightly report", ApiTokenOperations.validName("  nightly report "));
        assertEquals("x".repeat(64), ApiTokenOperations.validName("x".repeat(64)));
    }

    @Test
    void blankLongAndMultiLineNamesAreRefused() {
        for (String bad : new String[] {null, "", "   ", "x".repeat(65), "two\nlines", "tab\there"}) {
            var refused = assertThrows(ApiException.class, () -> ApiTokenOperations.validName(bad), bad);
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().contains("'name'"), refused.getMessage());
        }
    }

    @Test
    void noDaysMeansNoExpiry() {
        assertNull(ApiTokenOperations.expiry(null));
    }

    @Test
    void daysBecomeAnExpiryThatFarAhead() {
        Instant before = Instant.now();
        Instant expiry = ApiTokenOperations.expiry(30);
        assertTrue(!expiry.isBefore(before.plus(Duration.ofDays(30))), expiry.toString());
        assertTrue(!expiry.isAfter(Instant.now().plus(Duration.ofDays(30))), expiry.toString());
    }

    @Test
    void daysOutOfRangeAreRefused() {
        for (int bad : new int[] {0, -1, ApiTokenOperations.MAX_DAYS + 1}) {
            var refused = assertThrows(ApiException.class, () -> ApiTokenOperations.expiry(bad));
            assertEquals(400, refused.status());
            assertTrue(refused.getMessage().contains("'expiresInDays'"), refused.getMessage());
        }
    }
}
