package dev.parapet.server.audit;

import dev.parapet.server.config.GatewayConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

/**
 * The audit contract on a real PostgreSQL, when {@code PARAPET_TEST_POSTGRES_URL} names one
 * ({@code .ci/postgres.sh} starts one and prints its URL). Each test gets its own schema, dropped after.
 */
class PostgresAuditStoreTest extends AuditStoreContract {

    static final String URL = System.getenv("PARAPET_TEST_POSTGRES_URL");

    private String schema;
    private GatewayConfig.Audit audit;

    @BeforeAll
    static void needsPostgres() {
        Assumptions.assumeTrue(URL != null && !URL.isBlank(),
                "PARAPET_TEST_POSTGRES_URL is not set: PostgreSQL audit tests skipped (run .ci/postgres.sh)");
    }

    /** A URL whose default schema is a new, empty one. */
    static String freshSchemaUrl(String[] schemaOut) throws Exception {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        schemaOut[0] = schema;
        return URL + (URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static void dropSchema(String schema) throws Exception {
        if (schema == null) {
            return;
        }
        try (Connection c = DriverManager.getConnection(URL); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    @Override
    GatewayConfig.Audit freshDatabase() throws Exception {
        String[] out = new String[1];
        audit = new GatewayConfig.Audit(freshSchemaUrl(out), "", "", false);
        schema = out[0];
        return audit;
    }

    @Override
    GatewayConfig.Audit currentAudit() {
        return audit;
    }

    @AfterEach
    void drop() throws Exception {
        dropSchema(schema);
    }
}
