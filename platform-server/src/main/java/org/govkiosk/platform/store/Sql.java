package org.govkiosk.platform.store;

import java.sql.SQLException;

/** What a store needs to know about an SQL error, the same for H2 and PostgreSQL. */
final class Sql {

    private Sql() {
    }

    /** SQLSTATE 23505: a unique or primary key constraint was violated. */
    static boolean isUniqueViolation(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A transaction that lost a race and may succeed on a second look: a lock timeout (H2 HYT00), a
     * serialization failure or deadlock (40001, 40P01).
     */
    static boolean isRetryableRace(SQLException e) {
        String state = e.getSQLState();
        return "HYT00".equals(state) || "40001".equals(state) || "40P01".equals(state);
    }

    /** The failure of {@link Database#inTransaction} came from a unique constraint. */
    static boolean isUniqueViolation(StorageException e) {
        return e.getCause() instanceof SQLException sql && isUniqueViolation(sql);
    }

    static boolean isRetryableRace(StorageException e) {
        return e.getCause() instanceof SQLException sql && isRetryableRace(sql);
    }

    static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted", e);
        }
    }
}
