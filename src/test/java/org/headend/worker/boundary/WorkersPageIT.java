package org.headend.worker.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.headend.testing.AdminBrowser;
import org.headend.testing.Browser;
import org.headend.testing.FreePorts;
import org.headend.testing.HeadendProcess;
import org.headend.testing.Names;
import org.headend.testing.SharedHeadend;
import org.headend.testing.pages.WorkersPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The workers page in a real browser: a registered worker is listed, the public key shown, a bad field refused. */
@ExtendWith({SharedHeadend.class, AdminBrowser.class})
class WorkersPageIT {

    @Test
    void anAdminSeesTheWorkersAndThePublicKeyAndABadHostIsRefusedAtItsField(HeadendProcess app, Browser browser) {
        var admin = app.admin();
        String name = Names.unique("page");
        var created = admin.post("/api/v1/workers", WorkersResourceIT.worker(name, "127.0.0.1", FreePorts.next()));
        assertEquals(201, created.status(), created.body());
        try {
            var workers = WorkersPage.navigate(browser);
            String row = workers.awaitRow(name);
            assertTrue(row.contains("DOWN") && row.contains("headend@127.0.0.1"), row);
            assertEquals(admin.get("/api/v1/workers/ssh-key").json().getString("publicKey"), workers.publicKey());

            String refused = Names.unique("form");
            workers.register(refused, "not a host", "headend", WorkersResourceIT.HOST_KEY);
            assertTrue(workers.fieldError().contains("'host' must be a hostname"), workers.fieldError());
            assertFalse(admin.get("/api/v1/workers").body().contains(refused), "nothing registered");
        } finally {
            admin.delete("/api/v1/workers/" + name);
        }
    }
}
