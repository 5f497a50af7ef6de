package org.headend.ingest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.headend.testing.HeadendProcess;
import org.headend.testing.SharedHeadend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The nginx-rtmp callbacks, called directly the way nginx calls them. */
@ExtendWith(SharedHeadend.class)
class RtmpHooksIT {

    private static final String PUBLISH = "/api/hooks/rtmp/publish?secret=" + HeadendProcess.HOOK_SECRET;
    private static final String FORM = "call=publish&app=live&addr=10.0.0.9&clientid=77&name=";

    @Test
    void callersWithoutTheSharedSecretAreRefused(HeadendProcess app) {
        var noSecret = app.api().postForm("/api/hooks/rtmp/publish", FORM + "hk_x");
        var wrongSecret = app.api().postForm("/api/hooks/rtmp/publish?secret=guess", FORM + "hk_x");
        assertEquals(403, noSecret.status());
        assertEquals(403, wrongSecret.status());
        assertTrue(noSecret.isProblem());
    }

    @Test
    void aCallWithMissingFieldsIsRefused(HeadendProcess app) {
        var reply = app.api().postForm(PUBLISH, "call=publish&app=live");
        assertEquals(400, reply.status());
        assertTrue(reply.json().getString("detail").contains("clientid"), reply.body());
    }

    @Test
    void unknownAndMalformedKeysAreRefusedWithoutEchoingThem(HeadendProcess app) {
        for (String key : new String[] {"hk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not-a-key", "hk_../../etc"}) {
            var reply = app.api().postForm(PUBLISH, FORM + key);
            assertEquals(403, reply.status(), key);
            assertTrue(!reply.body().contains(key), "a refused key is not echoed");
        }
    }

    @Test
    void publishingToAnotherApplicationIsRefused(HeadendProcess app) {
        var reply = app.api().postForm(PUBLISH, "call=publish&app=other&addr=1.2.3.4&clientid=5&name=x");
        assertEquals(403, reply.status());
    }
}
