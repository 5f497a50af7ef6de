package org.headend.transcode.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A named list of renditions that a stream is transcoded into. A passthrough ladder has no
 * renditions: the source is copied into HLS as it comes.
 */
@Entity
@Table(name = "ladders")
@NamedQuery(name = Ladder.ALL, query = "SELECT l FROM Ladder l ORDER BY l.name")
public class Ladder {

    public static final String ALL = "Ladder.all";
    public static final String DEFAULT = "default";
    public static final String PASSTHROUGH = "passthrough";

    @Id
    private String name;

    @Column(name = "built_in")
    private boolean builtIn;

    private boolean passthrough;

    @Column(name = "created_at")
    private Instant createdAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ladder_renditions", joinColumns = @JoinColumn(name = "ladder_name"))
    @OrderColumn(name = "position")
    private List<Rendition> renditions = new ArrayList<>();

    protected Ladder() {}

    public Ladder(String name, boolean passthrough, List<Rendition> renditions) {
        this.name = name;
        this.passthrough = passthrough;
        this.renditions = new ArrayList<>(renditions);
        this.createdAt = Instant.now();
    }

    public String name() {
        return name;
    }

    public boolean builtIn() {
        return builtIn;
    }

    public boolean passthrough() {
        return passthrough;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public List<Rendition> renditions() {
        return List.copyOf(renditions);
    }

    public void replace(boolean newPassthrough, List<Rendition> newRenditions) {
        this.passthrough = newPassthrough;
        this.renditions.clear();
        this.renditions.addAll(newRenditions);
    }
}
