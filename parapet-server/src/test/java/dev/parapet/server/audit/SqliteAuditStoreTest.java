package dev.parapet.server.audit;

import dev.parapet.server.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteAuditStoreTest extends AuditStoreContract {

    @TempDir
    Path dir;
    private GatewayConfig.Audit audit;

    @Override
    GatewayConfig.Audit freshDatabase() {
        // a directory that does not exist yet: the gateway creates it, as it does ./parapet-data/
        audit = new GatewayConfig.Audit("jdbc:sqlite:" + dir.resolve("data/parapet.db"), "", "", false);
        return audit;
    }

    @Override
    GatewayConfig.Audit currentAudit() {
        return audit;
    }

    @Test
    void writesAheadAndCommitsWithoutSyncingEachDecision() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("PRAGMA journal_mode")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualToIgnoringCase("wal");
            }
            try (ResultSet r = s.executeQuery("PRAGMA synchronous")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt(1)).isEqualTo(1); // NORMAL
            }
        }
    }
}
