package dev.parapet.server.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The decision table: written once per decision, read back for feedback and review. Thread-safe.
 *
 * <p>Writes are group commits: a caller of {@link #record} queues its decision, and whichever caller
 * holds the commit writes every decision queued by then in one transaction, so that under load one
 * commit (the costly part, a WAL append in SQLite, a round trip in PostgreSQL) serves many requests. Each
 * caller still returns only once its own decision is in the database, and gets the error when it is not:
 * the gateway's fail-closed rule holds for every decision, and nothing is lost at shutdown.
 */
public final class DecisionLog {

    private static final String COLUMNS = "id, created_at, client, endpoint, role, policy_id, policy_version, action, "
            + "flagged, categories, flagged_categories, failed_open, content_sha256, content_length, content_text, language, reasons";

    /** The most decisions one commit writes: bounds the transaction and the wait of the first in line. */
    static final int MAX_BATCH = 256;

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Optional<Lock> writeLock;
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committer = new ReentrantLock();

    /** A decision waiting for its commit, its JSON columns written by the caller (outside the commit). */
    private static final class Pending {
        final Decision decision;
        final String categories;
        final String flaggedCategories;
        final Optional<String> reasons;
        SQLException error; // set before done, read after it (done is volatile)
        boolean committed;
        volatile boolean done;

        Pending(Decision decision, String categories, String flaggedCategories, Optional<String> reasons) {
            this.decision = decision;
            this.categories = categories;
            this.flaggedCategories = flaggedCategories;
            this.reasons = reasons;
        }
    }

    public DecisionLog(DataSource dataSource, ObjectMapper mapper) {
        this(dataSource, mapper, Optional.empty());
    }

    /** @param writeLock held while writing, when the database wants writers in single file (SQLite) */
    public DecisionLog(DataSource dataSource, ObjectMapper mapper, Optional<Lock> writeLock) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.writeLock = writeLock;
    }

    /** A decision log of the gateway's database, with its write lock. */
    public static DecisionLog of(Database db, ObjectMapper mapper) {
        return new DecisionLog(db.dataSource(), mapper, db.writeLock());
    }

    /**
     * Writes a decision and returns once it is committed (possibly together with other callers' decisions);
     * throws {@link SQLException} when the database refuses it.
     */
    public void record(Decision d) throws SQLException {
        recordAll(List.of(d));
    }

    /**
     * Writes decisions, normally in one commit, and returns once all are committed; throws the first
     * {@link SQLException} when the database refuses any of them (the others may be written).
     */
    public void recordAll(List<Decision> ds) throws SQLException {
        List<Pending> mine = new ArrayList<>(ds.size());
        for (Decision d : ds) {
            mine.add(new Pending(d, json(new TreeMap<>(d.categories())),
                    json(d.flaggedCategories().stream().sorted().toList()),
                    d.reasons().isEmpty() ? Optional.empty() : Optional.of(json(d.reasons()))));
        }
        queue.addAll(mine);
        for (Pending p : mine) {
            while (!p.done) {
                committer.lock();
                try {
                    if (!p.done) {
                        commitQueued();
                    }
                } finally {
                    committer.unlock();
                }
            }
        }
        for (Pending p : mine) {
            if (p.error != null) {
                throw p.error;
            }
        }
    }

    /** Commits what is queued (up to {@link #MAX_BATCH}); called by the holder of the commit. */
    private void commitQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending q; batch.size() < MAX_BATCH && (q = queue.poll()) != null; ) {
            batch.add(q);
        }
        writeLock.ifPresent(Lock::lock);
        try {
            try {
                insertAll(batch);
            } catch (SQLException | RuntimeException e) {
                // The transaction failed as a whole: write one at a time, so that only the decisions the
                // database refuses fail their requests.
                for (Pending q : batch) {
                    try {
                        insertAll(List.of(q));
                    } catch (SQLException one) {
                        q.error = one;
                    } catch (RuntimeException one) {
                        q.error = new SQLException("the decision could not be written", one);
                    }
                }
            }
        } finally {
            writeLock.ifPresent(Lock::unlock);
            for (Pending q : batch) {
                if (q.error == null && !q.committed) {
                    q.error = new SQLException("the decision was not written"); // an Error broke the commit
                }
                q.done = true;
            }
        }
    }

    private void insertAll(List<Pending> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO decisions (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Pending q : batch) {
                    bind(s, q);
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
        for (Pending q : batch) {
            q.committed = true;
        }
    }

    private static void bind(PreparedStatement s, Pending q) throws SQLException {
        Decision d = q.decision;
        s.setString(1, d.id());
        s.setString(2, Times.format(d.time()));
        s.setString(3, d.client());
        s.setString(4, d.endpoint());
        s.setString(5, d.role());
        s.setString(6, d.policyId());
        s.setString(7, d.policyVersion());
        s.setString(8, d.action());
        s.setInt(9, d.flagged() ? 1 : 0);
        s.setString(10, q.categories);
        s.setString(11, q.flaggedCategories);
        s.setInt(12, d.failedOpen() ? 1 : 0);
        s.setString(13, d.contentSha256());
        s.setInt(14, d.contentLength());
        setNullable(s, 15, d.text());
        setNullable(s, 16, d.language());
        setNullable(s, 17, q.reasons);
    }

    public Optional<Decision> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM decisions WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** The most recent decisions, newest first. */
    public List<Decision> recent(int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM decisions ORDER BY created_at DESC, id DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                List<Decision> out = new java.util.ArrayList<>();
                while (r.next()) {
                    out.add(read(r));
                }
                return out;
            }
        }
    }

    private Decision read(ResultSet r) throws SQLException {
        return new Decision(r.getString("id"), Times.parse(r.getString("created_at")), r.getString("client"),
                r.getString("endpoint"), r.getString("role"), r.getString("policy_id"),
                r.getString("policy_version"), r.getString("action"), r.getInt("flagged") != 0,
                parse(r.getString("categories"), new TypeReference<Map<String, Double>>() { }),
                new LinkedHashSet<>(parse(r.getString("flagged_categories"), new TypeReference<List<String>>() { })),
                r.getInt("failed_open") != 0, r.getString("content_sha256"), r.getInt("content_length"),
                Optional.ofNullable(r.getString("content_text")), Optional.ofNullable(r.getString("language")),
                r.getString("reasons") == null ? List.of()
                        : parse(r.getString("reasons"), new TypeReference<List<String>>() { }));
    }

    private String json(Object o) {
        try {
            return mapper.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private <T> T parse(String s, TypeReference<T> type) throws SQLException {
        try {
            return mapper.readValue(s, type);
        } catch (JsonProcessingException e) {
            throw new SQLException("a stored decision has malformed JSON");
        }
    }

    static void setNullable(PreparedStatement s, int i, Optional<String> v) throws SQLException {
        if (v.isPresent()) {
            s.setString(i, v.get());
        } else {
            s.setNull(i, Types.VARCHAR);
        }
    }
}
