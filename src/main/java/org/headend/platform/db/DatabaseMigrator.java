package org.headend.platform.db;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema up to date before anything touches the database: the migrations in {@code db/}
 * own the schema, JPA only maps it. Other startup beans depend on this one.
 */
@Singleton
@Startup
@DataSourceDefinition(
        name = DatabaseMigrator.DATASOURCE,
        className = "org.headend.platform.db.HeadendDataSource",
        minPoolSize = 1,
        maxPoolSize = 20)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrator {

    public static final String DATASOURCE = "java:app/jdbc/headend";
    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migration(s) applied)");
    }
}
