package com.storyloop.web.tenancy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Hands out connections that, on a thread bound to an organisation ({@link TenantScope}), act as the service's tenant
 * role ({@code <schema>_tenant}, e.g. {@code story_tenant}) with {@code storyloop.org_id} set: PostgreSQL's policies then
 * show and accept only that organisation's rows, whatever the query's own filter says. Both are reset before the
 * connection goes back to the pool; a connection whose reset fails is evicted from the pool instead, so no later borrower
 * (a consumer, another organisation's request) can inherit the role.
 */
public final class TenantScopedDataSource extends DelegatingDataSource {

    /** The tenant role of the schema a connection works in (its search path, set by the pool). */
    public static final String ROLE_OF_SCHEMA = "current_schema() || '_tenant'";

    public TenantScopedDataSource(DataSource target) {
        super(target);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private Connection scoped(Connection connection) throws SQLException {
        Optional<String> org = TenantScope.current();
        if (org.isEmpty()) {
            return connection;
        }
        try (PreparedStatement set = connection.prepareStatement("select set_config('storyloop.org_id', ?, false), set_config('role', "
                + ROLE_OF_SCHEMA + ", false)")) {
            set.setString(1, org.get());
            set.execute();
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return (Connection) Proxy.newProxyInstance(TenantScopedDataSource.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        resetAndClose(connection);
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void resetAndClose(Connection connection) throws SQLException {
        try {
            if (!connection.isClosed()) {
                if (!connection.getAutoCommit()) {
                    // nothing uncommitted may outlive the request, and the reset below must not be rolled back with it
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                try (Statement reset = connection.createStatement()) {
                    reset.execute("reset role; reset storyloop.org_id");
                }
            }
        } catch (SQLException | RuntimeException e) {
            evict(connection);
            throw e;
        }
        connection.close();
    }

    private void evict(Connection connection) throws SQLException {
        DataSource target = getTargetDataSource();
        if (target != null && target.isWrapperFor(HikariDataSource.class)) {
            target.unwrap(HikariDataSource.class).evictConnection(connection);
        } else {
            connection.abort(Runnable::run);
        }
    }
}
