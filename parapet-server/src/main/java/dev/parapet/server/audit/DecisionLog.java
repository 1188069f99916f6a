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
import java.util.concurrent.locks.Lock;

/** The decision table: written once per decision, read back for feedback and review. Thread-safe. */
public final class DecisionLog {

    private static final String COLUMNS = "id, created_at, client, endpoint, role, policy_id, policy_version, action, "
            + "flagged, categories, flagged_categories, failed_open, content_sha256, content_length, content_text, language, reasons";

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final Optional<Lock> writeLock;

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

    /** Writes a decision; throws {@link SQLException} when the database refuses. */
    public void record(Decision d) throws SQLException {
        writeLock.ifPresent(Lock::lock);
        try {
            insert(d);
        } finally {
            writeLock.ifPresent(Lock::unlock);
        }
    }

    private void insert(Decision d) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO decisions (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, d.id());
            s.setString(2, Times.format(d.time()));
            s.setString(3, d.client());
            s.setString(4, d.endpoint());
            s.setString(5, d.role());
            s.setString(6, d.policyId());
            s.setString(7, d.policyVersion());
            s.setString(8, d.action());
            s.setInt(9, d.flagged() ? 1 : 0);
            s.setString(10, json(new TreeMap<>(d.categories())));
            s.setString(11, json(d.flaggedCategories().stream().sorted().toList()));
            s.setInt(12, d.failedOpen() ? 1 : 0);
            s.setString(13, d.contentSha256());
            s.setInt(14, d.contentLength());
            setNullable(s, 15, d.text());
            setNullable(s, 16, d.language());
            setNullable(s, 17, d.reasons().isEmpty() ? Optional.empty() : Optional.of(json(d.reasons())));
            s.executeUpdate();
        }
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
