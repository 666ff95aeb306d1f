package com.storyloop.eventing.consumer;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a broken event (dead-letter it) from a broken dependency (wait and retry): a database restart must never send a
 * whole topic to the dead-letter topic.
 */
final class InfrastructureFailures {

    private InfrastructureFailures() {
    }

    static boolean isInfrastructure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof TransientDataAccessException || t instanceof DataAccessResourceFailureException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08 connection, 53 insufficient resources, 57P operator intervention (shutdown), 58 system error,
                // 40001/40P01 serialization failure and deadlock: all pass with time, none is the event's fault
                if (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P") || state.startsWith("58")
                        || state.equals("40001") || state.equals("40P01")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Aborts the poll loop's batch; the consumer restarts from its stored positions after a back-off. */
    static final class Unavailable extends RuntimeException {
        Unavailable(Throwable cause) {
            super("Infrastructure unavailable, will retry from the stored positions: " + cause, cause);
        }
    }
}
