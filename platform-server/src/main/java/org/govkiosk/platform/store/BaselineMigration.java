package org.govkiosk.platform.store;

import java.sql.Statement;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 1, the baseline: the schema the platform applied at every start before it had migrations
 * ({@code schema.sql}, every statement idempotent). A database made by that older code has no migration history:
 * Flyway marks it as version 0 and runs this over it, which adds what the older schema lacked and changes nothing
 * else. New changes are numbered migrations beside this one ({@code store/migration/V2__...sql}), never edits of
 * {@code schema.sql}: a database past version 1 would not see them.
 */
final class BaselineMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "baseline schema.sql";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement s = context.getConnection().createStatement()) {
            for (String sql : Database.schemaStatements()) {
                s.execute(sql);
            }
        }
    }
}
