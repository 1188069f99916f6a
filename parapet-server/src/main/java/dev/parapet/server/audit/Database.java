package dev.parapet.server.audit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.parapet.server.config.GatewayConfig;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The gateway's database: a connection pool over SQLite (a file, the default) or PostgreSQL (shared by
 * several gateway replicas), with the schema brought up to date by Flyway migrations at start.
 *
 * <p>SQLite's write-ahead log is checkpointed (copied into the database file, then synced) by a background
 * thread every {@link #CHECKPOINT_INTERVAL}, never by a commit. By default SQLite checkpoints inside the
 * commit that fills the log past 1,000 pages: under load that was one commit in a few hundred, every half
 * second or so, taking 10–90 ms while every other request waited for its own decision to be written behind
 * it. A passive checkpoint runs beside the writers instead of in front of them.
 */
public final class Database implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Database.class.getName());
    private static final String MIGRATIONS = "classpath:dev/parapet/server/db/migration";
    /** How often the background thread checkpoints SQLite's write-ahead log. */
    static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    private final HikariDataSource dataSource;
    private final boolean sqlite;
    private final Lock writes = new ReentrantLock(true);
    private final ScheduledExecutorService checkpointer; // null for PostgreSQL
    private final AtomicLong checkpoints = new AtomicLong();

    private Database(HikariDataSource dataSource, boolean sqlite) {
        this.dataSource = dataSource;
        this.sqlite = sqlite;
        this.checkpointer = sqlite ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "parapet-audit-checkpoint");
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Opens the database and migrates it; a failure says what and where, without the password. */
    public static Database open(GatewayConfig.Audit audit) {
        String url = audit.databaseUrl();
        boolean sqlite = url.startsWith("jdbc:sqlite:");
        if (sqlite) {
            createParentDirectory(url);
        }
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(url);
        if (!audit.databaseUser().isEmpty()) {
            hc.setUsername(audit.databaseUser());
        }
        if (!audit.databasePassword().isEmpty()) {
            hc.setPassword(audit.databasePassword());
        }
        hc.setPoolName("parapet-audit");
        // SQLite serialises writers; a few connections and a busy timeout avoid "database is locked".
        hc.setMaximumPoolSize(sqlite ? 4 : 8);
        hc.setConnectionTimeout(10_000);
        hc.setInitializationFailTimeout(10_000);
        if (sqlite) {
            hc.addDataSourceProperty("busy_timeout", "10000");
            // Commits never checkpoint; the background thread does (see the class comment).
            hc.setConnectionInitSql("PRAGMA wal_autocheckpoint = 0");
            // In WAL mode, NORMAL commits without waiting for the disk (the WAL is synced at checkpoints): a
            // decision survives a crash of the gateway, and a power cut can lose the last moments. FULL
            // would sync every decision and cap the gateway at the disk's sync rate.
            hc.addDataSourceProperty("synchronous", "NORMAL");
        }
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(hc);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot open the audit database " + redact(url) + ": "
                    + firstLine(e.getMessage()));
        }
        Database db = new Database(ds, sqlite);
        try {
            if (sqlite) {
                db.pragma("PRAGMA journal_mode = WAL");
            }
            Flyway.configure().dataSource(ds).locations(MIGRATIONS).load().migrate();
        } catch (FlywayException | SQLException e) {
            db.close();
            throw new IllegalStateException("cannot migrate the audit database " + redact(url) + ": "
                    + firstLine(e.getMessage()));
        }
        if (db.checkpointer != null) {
            long ms = CHECKPOINT_INTERVAL.toMillis();
            db.checkpointer.scheduleWithFixedDelay(db::checkpointQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
        return db;
    }

    /** One passive checkpoint; a failure is logged and the next one tries again (the log only grows meanwhile). */
    private void checkpointQuietly() {
        try {
            checkpoint("PASSIVE");
            checkpoints.incrementAndGet();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "audit log checkpoint failed, retried in {0} ms: {1}",
                    CHECKPOINT_INTERVAL.toMillis(), firstLine(e.getMessage()));
        }
    }

    private void checkpoint(String mode) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(" + mode + ")");
        }
    }

    /** Background checkpoints completed so far (SQLite; always 0 for PostgreSQL). */
    long checkpoints() {
        return checkpoints.get();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isSqlite() {
        return sqlite;
    }

    /**
     * What busy writers of this database queue on. SQLite takes one writer at a time and makes the others
     * sleep and retry, which wastes whole milliseconds under load; a fair lock in the JVM hands the file
     * to writers one after the other instead. PostgreSQL takes concurrent writers: no lock.
     */
    public Optional<Lock> writeLock() {
        return sqlite ? Optional.of(writes) : Optional.empty();
    }

    /** True when a connection can be had and answers. */
    public boolean healthy() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private void pragma(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** Stops the checkpoints, folds the write-ahead log into the database file (SQLite), and closes the pool. */
    @Override
    public void close() {
        if (checkpointer != null) {
            checkpointer.shutdownNow();
            try {
                checkpointer.awaitTermination(10, TimeUnit.SECONDS);
                checkpoint("TRUNCATE");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (SQLException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "audit log final checkpoint failed: {0}", firstLine(e.getMessage()));
            }
        }
        dataSource.close();
    }

    private static void createParentDirectory(String url) {
        String path = url.substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        path = q < 0 ? path : path.substring(0, q);
        if (path.isEmpty() || path.startsWith(":memory:") || path.startsWith("file:")) {
            return;
        }
        Path parent = Path.of(path).toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new IllegalStateException("cannot create the directory " + parent + " for the audit database");
            }
        }
    }

    /** The URL without query parameters, which may carry a password. */
    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?…";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
