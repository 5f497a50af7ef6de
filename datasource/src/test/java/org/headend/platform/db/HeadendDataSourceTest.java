package org.headend.platform.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The jar carries what it loads: the PostgreSQL driver with it, H2 from the server. */
class HeadendDataSourceTest {

    @Test
    void aPostgresqlUrlGetsTheDriverThatTravelsWithThisJar() throws SQLException {
        assertInstanceOf(org.postgresql.Driver.class, HeadendDataSource.driverFor("jdbc:postgresql://db:5432/headend"));
    }

    @Test
    void anH2UrlGetsH2() throws SQLException {
        assertInstanceOf(org.h2.Driver.class, HeadendDataSource.driverFor("jdbc:h2:mem:headend"));
    }

    @Test
    void anyOtherUrlIsRefusedWithoutRepeatingIt() {
        var refused = assertThrows(
                SQLException.class, () -> HeadendDataSource.driverFor("jdbc:mysql://db/headend?password=s3cret"));
        assertFalse(refused.getMessage().contains("s3cret"), refused.getMessage());
    }
}
