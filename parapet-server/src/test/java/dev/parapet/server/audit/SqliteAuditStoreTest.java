package dev.parapet.server.audit;

import dev.parapet.server.config.GatewayConfig;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

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
}
