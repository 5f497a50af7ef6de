package org.headend.platform.db;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the database answers. */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    @Resource(lookup = DatabaseMigrator.DATASOURCE)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(2)) {
                return response.up()
                        .withData("product", connection.getMetaData().getDatabaseProductName())
                        .build();
            }
            return response.down()
                    .withData("reason", "the database connection is not valid")
                    .build();
        } catch (SQLException e) {
            return response.down()
                    .withData("reason", "the database is unreachable: " + e.getMessage())
                    .build();
        }
    }
}
