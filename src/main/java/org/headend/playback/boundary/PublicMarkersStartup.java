package org.headend.playback.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import org.headend.playback.control.PublicStreams;
import org.headend.stream.control.StreamStore;
import org.headend.stream.entity.Stream;

/**
 * At start, makes nginx's public-stream markers match the database: they live on disk beside it
 * and may have drifted (a restored database, a data directory copied without them).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class PublicMarkersStartup {

    @Inject
    StreamStore streams;

    @Inject
    PublicStreams publicStreams;

    @PostConstruct
    void matchTheCatalogue() {
        publicStreams.matchOnly(streams.all().stream()
                .filter(Stream::isPublic)
                .map(Stream::name)
                .collect(Collectors.toSet()));
    }
}
