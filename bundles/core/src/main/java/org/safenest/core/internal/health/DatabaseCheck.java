package org.safenest.core.internal.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.apache.felix.hc.api.FormattingResultLog;
import org.apache.felix.hc.api.HealthCheck;
import org.apache.felix.hc.api.Result;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The database answers: the {@code safenest} DataSource is registered and hands out a connection that is valid.
 * CRITICAL when the DataSource is missing (its configuration {@code etc/org.ops4j.datasource-safenest.cfg} is wrong
 * or its driver is not installed) or the database does not answer.
 */
@Component(property = {HealthCheck.NAME + "=Safenest database",
        HealthCheck.TAGS + "=" + HealthTags.READINESS, HealthCheck.TAGS + "=" + HealthTags.SAFENEST,
        HealthCheck.TAGS + "=database"})
public class DatabaseCheck implements HealthCheck {

    /** Seconds the database has to confirm a connection is valid (within the executor's 2 s timeout). */
    static final int VALID_TIMEOUT = 1;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(osgi.jndi.service.name=safenest)")
    private volatile DataSource dataSource;

    public DatabaseCheck() {
    }

    DatabaseCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Result execute() {
        FormattingResultLog log = new FormattingResultLog();
        DataSource ds = dataSource;
        if (ds == null) {
            log.critical("No DataSource named 'safenest' is registered: check etc/org.ops4j.datasource-safenest.cfg "
                    + "and that its JDBC driver feature is installed");
            return new Result(log);
        }
        try (Connection c = ds.getConnection()) {
            if (c.isValid(VALID_TIMEOUT)) {
                log.info("The database answers ({} {})", c.getMetaData().getDatabaseProductName(),
                        c.getMetaData().getDatabaseProductVersion());
            } else {
                log.critical("The database did not confirm a connection within {} s", VALID_TIMEOUT);
            }
        } catch (SQLException e) {
            log.critical("The database cannot be reached: SQLState {}, {}", e.getSQLState(), e.getMessage());
        }
        return new Result(log);
    }
}
