package dev.parapet.server.audit;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The feedback table and its review queue. Thread-safe. */
public final class FeedbackStore {

    private static final String COLUMNS = "id, decision_id, created_at, client, kind, label, category, language, "
            + "comment, content_text, status, reviewer, review_note, reviewed_at";

    private final DataSource dataSource;

    public FeedbackStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void submit(Feedback f) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO feedback (" + COLUMNS
                     + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, f.id());
            DecisionLog.setNullable(s, 2, f.decisionId());
            s.setString(3, Times.format(f.time()));
            s.setString(4, f.client());
            s.setString(5, f.kind().wireName());
            s.setString(6, f.label());
            DecisionLog.setNullable(s, 7, f.category());
            DecisionLog.setNullable(s, 8, f.language());
            DecisionLog.setNullable(s, 9, f.comment());
            DecisionLog.setNullable(s, 10, f.text());
            s.setString(11, f.status().wireName());
            DecisionLog.setNullable(s, 12, f.reviewer());
            DecisionLog.setNullable(s, 13, f.reviewNote());
            DecisionLog.setNullable(s, 14, f.reviewedAt().map(Times::format));
            s.executeUpdate();
        }
    }

    public Optional<Feedback> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM feedback WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(read(r)) : Optional.empty();
            }
        }
    }

    /** Items with a status, oldest first (a queue is worked in order). */
    public List<Feedback> byStatus(Feedback.Status status, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM feedback WHERE status = ? ORDER BY created_at, id LIMIT ?")) {
            s.setString(1, status.wireName());
            s.setInt(2, limit);
            try (ResultSet r = s.executeQuery()) {
                List<Feedback> out = new ArrayList<>();
                while (r.next()) {
                    out.add(read(r));
                }
                return out;
            }
        }
    }

    /**
     * Accepts or rejects a pending item. Returns false when the item is not pending any more (decided by
     * another reviewer or replica first): the update only touches pending rows, so two reviewers never
     * both win.
     */
    public boolean decide(String id, Feedback.Status status, String reviewer, Optional<String> note, Instant at)
            throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("UPDATE feedback SET status = ?, reviewer = ?, review_note = ?, "
                     + "reviewed_at = ? WHERE id = ? AND status = ?")) {
            s.setString(1, status.wireName());
            s.setString(2, reviewer);
            DecisionLog.setNullable(s, 3, note);
            s.setString(4, Times.format(at));
            s.setString(5, id);
            s.setString(6, Feedback.Status.PENDING.wireName());
            return s.executeUpdate() == 1;
        }
    }

    private static Feedback read(ResultSet r) throws SQLException {
        String reviewedAt = r.getString("reviewed_at");
        return new Feedback(r.getString("id"), Optional.ofNullable(r.getString("decision_id")),
                Times.parse(r.getString("created_at")), r.getString("client"),
                Feedback.Kind.parse(r.getString("kind")), r.getString("label"),
                Optional.ofNullable(r.getString("category")), Optional.ofNullable(r.getString("language")),
                Optional.ofNullable(r.getString("comment")), Optional.ofNullable(r.getString("content_text")),
                Feedback.Status.valueOf(r.getString("status").toUpperCase(java.util.Locale.ROOT)),
                Optional.ofNullable(r.getString("reviewer")), Optional.ofNullable(r.getString("review_note")),
                Optional.ofNullable(reviewedAt).map(Times::parse));
    }
}
