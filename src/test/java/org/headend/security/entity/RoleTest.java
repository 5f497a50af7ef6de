package org.headend.security.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RoleTest {

    @Test
    void aCapLowersAStrongerRole() {
        assertEquals(Role.VIEWER, Role.ADMIN.cappedAt(Role.VIEWER));
        assertEquals(Role.OPERATOR, Role.ADMIN.cappedAt(Role.OPERATOR));
    }

    @Test
    void aCapNeverRaisesAWeakerRole() {
        assertEquals(Role.VIEWER, Role.VIEWER.cappedAt(Role.ADMIN));
        assertEquals(Role.OPERATOR, Role.OPERATOR.cappedAt(Role.OPERATOR));
    }
}
