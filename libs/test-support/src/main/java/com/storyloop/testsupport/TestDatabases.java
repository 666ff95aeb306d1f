package com.storyloop.testsupport;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** Fresh, migrated schemas in the shared test database, one per test that needs isolation. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** A pooled DataSource on a new empty schema, migrated with the given Flyway locations (e.g. classpath:db/eventstore). */
    public static HikariDataSource freshSchema(String prefix, String... flywayLocations) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        String schema = infrastructure.newSchema(prefix);
        HikariDataSource dataSource = dataSource(schema, 20);
        if (flywayLocations.length > 0) {
            Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema).locations(flywayLocations).load().migrate();
        }
        return dataSource;
    }

    public static HikariDataSource dataSource(String schema, int poolSize) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(infrastructure.jdbcUrl(schema));
        config.setUsername(infrastructure.jdbcUser());
        config.setPassword(infrastructure.jdbcPassword());
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("test-" + schema);
        return new HikariDataSource(config);
    }

    public static String schemaOf(DataSource dataSource) {
        if (dataSource instanceof HikariDataSource hikari) {
            String url = hikari.getJdbcUrl();
            return url.substring(url.indexOf("currentSchema=") + "currentSchema=".length());
        }
        throw new IllegalArgumentException("Not a test data source");
    }
}
