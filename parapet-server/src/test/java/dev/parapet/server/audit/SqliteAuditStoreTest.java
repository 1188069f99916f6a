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

    @Test
    void commitsNeverCheckpointABackgroundThreadDoes() throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("PRAGMA wal_autocheckpoint")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getInt(1)).isZero();
        }
        java.time.Instant t = java.time.Instant.parse("2026-12-01T04:00:00Z");
        for (int i = 0; i < 50; i++) {
            decisions.record(decision("dec_" + i, t.plusSeconds(i), java.util.Optional.empty()));
        }
        long before = db.checkpoints();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (db.checkpoints() < before + 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(db.checkpoints()).isGreaterThanOrEqualTo(before + 2);
        assertThat(decisions.find("dec_49")).isPresent();
    }

    @Test
    void closingFoldsTheLogIntoTheDatabaseFile() throws Exception {
        decisions.record(decision("dec_1", java.time.Instant.parse("2026-12-01T04:00:00Z"), java.util.Optional.empty()));
        Path wal = dir.resolve("data/parapet.db-wal");
        assertThat(java.nio.file.Files.size(wal)).isPositive();
        db.close();
        assertThat(!java.nio.file.Files.exists(wal) || java.nio.file.Files.size(wal) == 0).isTrue();
        db = Database.open(audit); // the contract's clean-up closes it again
        assertThat(new DecisionLog(db.dataSource(), new com.fasterxml.jackson.databind.ObjectMapper()).find("dec_1"))
                .isPresent();
    }
}
