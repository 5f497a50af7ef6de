package org.headend.stream.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.File;
import org.headend.platform.ApiException;
import org.headend.platform.SecureTokens;
import org.headend.platform.db.DatabaseMigrator;
import org.headend.stream.entity.Stream;
import org.headend.testing.Names;
import org.headend.transcode.entity.Ladder;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The stream store inside the container, on the migrated schema: keys are found by their hash
 * only while active, and go with their stream. A small deployment of just what it needs.
 */
@ExtendWith(ArquillianExtension.class)
class StreamStoreIT {

    @Deployment
    static WebArchive deployment() {
        File[] flyway = Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve("org.flywaydb:flyway-core")
                .withTransitivity()
                .asFile();
        return ShrinkWrap.create(WebArchive.class, "stream-store.war")
                .addPackage(StreamStore.class.getPackage())
                .addPackage(Stream.class.getPackage())
                .addPackage(Ladder.class.getPackage())
                .addPackage(DatabaseMigrator.class.getPackage())
                // The shared plumbing (errors, paging, tokens), not its sub-packages.
                .addPackage(ApiException.class.getPackage())
                .addClass(Names.class)
                .addAsLibraries(flyway)
                .addAsResource("META-INF/persistence.xml")
                .addAsResource(new File("target/classes/db/migration"), "db/migration");
    }

    @Inject
    StreamStore cut;

    @Test
    void anActiveKeyFindsItsStream() {
        var created = cut.create(Names.unique("store"), Ladder.DEFAULT);
        assertEquals(
                created.stream().id(), cut.forKey(created.key()).orElseThrow().id());
        assertTrue(cut.forKey("hk_" + SecureTokens.urlSafe(24)).isEmpty(), "an unknown key finds nothing");
        assertTrue(cut.forKey("not a key").isEmpty());
    }

    @Test
    void aRotatedKeyIsRevoked() {
        var created = cut.create(Names.unique("store"), Ladder.DEFAULT);
        String fresh = cut.rotateKey(created.stream().id());
        assertTrue(cut.forKey(created.key()).isEmpty(), "the old key is revoked");
        assertEquals(created.stream().id(), cut.forKey(fresh).orElseThrow().id());
    }

    @Test
    void deletingAStreamTakesItsKeysAlong() {
        var created = cut.create(Names.unique("store"), Ladder.PASSTHROUGH);
        long users = cut.countUsingLadder(Ladder.PASSTHROUGH);
        cut.delete(created.stream().id());
        assertTrue(cut.forKey(created.key()).isEmpty());
        assertTrue(cut.find(created.stream().id()).isEmpty());
        assertEquals(users - 1, cut.countUsingLadder(Ladder.PASSTHROUGH));
    }
}
