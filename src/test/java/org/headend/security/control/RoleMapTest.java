package org.headend.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.headend.security.entity.Role;
import org.junit.jupiter.api.Test;

class RoleMapTest {

    @Test
    void groupsMapToRolesWithSpacesAroundIgnored() {
        assertEquals(
                Map.of("video-admins", Role.ADMIN, "video-ops", Role.OPERATOR, "staff", Role.VIEWER),
                RoleMap.parse(" video-admins = admin, video-ops=operator ,staff=viewer"));
    }

    @Test
    void aBlankSettingMapsNothing() {
        assertEquals(Map.of(), RoleMap.parse(" "));
        assertEquals(Map.of(), RoleMap.parse(",,"));
    }

    @Test
    void aGroupNameMayContainAnEqualsSign() {
        assertEquals(Map.of("cn=admins", Role.ADMIN), RoleMap.parse("cn=admins=admin"));
    }

    @Test
    void anEntryWithoutRoleIsRefusedNamingIt() {
        var refused = assertThrows(IllegalStateException.class, () -> RoleMap.parse("video-admins=admin,x"));
        assertEquals("headend.auth.role-map: 'x' is not group=role", refused.getMessage());
    }

    @Test
    void anEntryWithoutGroupIsRefused() {
        var refused = assertThrows(IllegalStateException.class, () -> RoleMap.parse("=admin"));
        assertEquals("headend.auth.role-map: '=admin' is not group=role", refused.getMessage());
    }

    @Test
    void anUnknownRoleIsRefusedListingTheRoles() {
        var refused = assertThrows(IllegalStateException.class, () -> RoleMap.parse("g=superuser"));
        assertEquals(
                "headend.auth.role-map: 'superuser' is not a role (admin, operator, viewer)", refused.getMessage());
    }

    @Test
    void theMostPowerfulRoleOfSeveralGroupsWins() {
        var cut = roleMap("staff=viewer,video-ops=operator,video-admins=admin");

        assertEquals(Optional.of(Role.ADMIN), cut.roleFor(List.of("staff", "video-admins", "video-ops")));
        assertEquals(Optional.of(Role.OPERATOR), cut.roleFor(List.of("video-ops", "staff")));
        assertEquals(Optional.of(Role.VIEWER), cut.roleFor(List.of("unmapped", "staff")));
    }

    @Test
    void noMappedGroupMeansNoRole() {
        var cut = roleMap("video-admins=admin");

        assertEquals(Optional.empty(), cut.roleFor(List.of("staff-unmapped")));
        assertEquals(Optional.empty(), cut.roleFor(List.of()));
    }

    @Test
    void groupNamesAreMatchedExactly() {
        var cut = roleMap("video-admins=admin");

        assertEquals(Optional.empty(), cut.roleFor(List.of("Video-Admins", "video-admins ")));
    }

    private static RoleMap roleMap(String setting) {
        var map = new RoleMap();
        map.setting = setting;
        map.parse();
        return map;
    }
}
