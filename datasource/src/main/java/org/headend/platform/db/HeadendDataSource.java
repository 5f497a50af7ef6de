package org.headend.platform.db;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The physical connection source behind {@code java:app/jdbc/headend}; the container pools it.
 * It reads {@code headend.db.url}, {@code headend.db.user} and {@code headend.db.password} from
 * MicroProfile Config at connect time, so one annotation serves the embedded H2 default and
 * PostgreSQL in production, and no credential is written into the application. It is a jar of its
 * own because Payara Server loads it with the EAR's class loader while deploying, which does not
 * see the WAR's classes: the EAR keeps this jar in {@code lib/}, the WAR in {@code WEB-INF/lib}.
 */
public class HeadendDataSource implements DataSource {

    private int loginTimeout;

    @Override
    public Connection getConnection() throws SQLException {
        Config config = ConfigProvider.getConfig(HeadendDataSource.class.getClassLoader());
        String url = config.getOptionalValue("headend.db.url", String.class).orElseGet(() -> embeddedUrl(config));
        var properties = new Properties();
        config.getOptionalValue("headend.db.user", String.class).ifPresent(u -> properties.setProperty("user", u));
        config.getOptionalValue("headend.db.password", String.class)
                .ifPresent(p -> properties.setProperty("password", p));
        return driverFor(url).connect(url, properties);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    static String embeddedUrl(Config config) {
        Path home =
                Path.of(config.getOptionalValue("headend.home", String.class).orElse("./var"));
        Path file = home.toAbsolutePath().normalize().resolve("db").resolve("headend");
        // AUTO_SERVER off: one process owns the file; DB_CLOSE_ON_EXIT off: the pool closes it.
        return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    static Driver driverFor(String url) throws SQLException {
        if (url.startsWith("jdbc:postgresql:")) {
            return new org.postgresql.Driver();
        }
        if (url.startsWith("jdbc:h2:")) {
            return new org.h2.Driver();
        }
        throw new SQLException("headend.db.url must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Logging goes through java.util.logging.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
