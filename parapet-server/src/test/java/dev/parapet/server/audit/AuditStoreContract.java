package dev.parapet.server.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.server.config.GatewayConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every supported database must do; run against SQLite always and PostgreSQL when available. */
abstract class AuditStoreContract {

    Database db;
    DecisionLog decisions;
    FeedbackStore feedback;

    /** A fresh, empty database for one test. */
    abstract GatewayConfig.Audit freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase());
        decisions = new DecisionLog(db.dataSource(), new ObjectMapper());
        feedback = new FeedbackStore(db.dataSource());
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Decision decision(String id, Instant t, Optional<String> text) {
        return new Decision(id, t, "team-a", "moderations", "user", "default", "2026.11.1", "block", true,
                Map.of("hate", 0.9, "profanity", 0.4), Set.of("hate"), false,
                "ab".repeat(32), 42, text, Optional.of("de"), List.of());
    }

    @Test
    void toolCallDecisionsKeepTheirReasons() throws Exception {
        Instant t = Instant.parse("2026-11-30T11:00:00Z");
        Decision d = new Decision("dec_tool", t, "agent-1", "chat.tool_call", "assistant", "tools:bank.yaml",
                "0123456789ab", "block", true, Map.of(), Set.of(), false, "cd".repeat(32), 30, Optional.empty(),
                Optional.empty(), List.of("require_approval [out_of_scope] tool 'send_money' changes things"));
        decisions.record(d);
        assertThat(decisions.find("dec_tool").orElseThrow()).isEqualTo(d);
    }

    @Test
    void decisionsRoundTripWithAndWithoutText() throws Exception {
        Instant t = Instant.parse("2026-11-30T10:15:30.123Z");
        decisions.record(decision("dec_1", t, Optional.of("der Text")));
        decisions.record(decision("dec_2", t.plusSeconds(1), Optional.empty()));
        Decision d = decisions.find("dec_1").orElseThrow();
        assertThat(d).isEqualTo(decision("dec_1", t, Optional.of("der Text")));
        assertThat(decisions.find("dec_2").orElseThrow().text()).isEmpty();
        assertThat(decisions.find("nope")).isEmpty();
        assertThat(decisions.recent(10)).extracting(Decision::id).containsExactly("dec_2", "dec_1");
    }

    @Test
    void concurrentDecisionsAreAllCommittedAndARefusedOneFailsOnlyItsCaller() throws Exception {
        Instant t = Instant.parse("2026-11-30T12:00:00Z");
        decisions.record(decision("dec_taken", t, Optional.empty()));
        int n = 64;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<?>> writes = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                // One caller reuses an id already taken: the database refuses that decision alone.
                String id = i == n / 2 ? "dec_taken" : "dec_c" + i;
                writes.add(pool.submit(() -> {
                    start.await();
                    decisions.record(decision(id, t, Optional.empty()));
                    return null;
                }));
            }
            start.countDown();
            int failed = 0;
            for (java.util.concurrent.Future<?> w : writes) {
                try {
                    w.get(60, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(java.sql.SQLException.class);
                    failed++;
                }
            }
            assertThat(failed).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(decisions.recent(1000)).hasSize(n);
        for (int i = 0; i < n; i++) {
            if (i != n / 2) {
                assertThat(decisions.find("dec_c" + i)).isPresent();
            }
        }
    }

    @Test
    void reviewQueueIsWorkedInOrderAndDecidedOnce() throws Exception {
        Instant t = Instant.parse("2026-11-30T10:00:00Z");
        feedback.submit(item("fb_b", t.plusSeconds(5)));
        feedback.submit(item("fb_a", t));
        assertThat(feedback.byStatus(Feedback.Status.PENDING, 10)).extracting(Feedback::id)
                .containsExactly("fb_a", "fb_b");
        assertThat(feedback.decide("fb_a", Feedback.Status.ACCEPTED, "rev", Optional.of("agreed"), t.plusSeconds(60)))
                .isTrue();
        assertThat(feedback.decide("fb_a", Feedback.Status.REJECTED, "other", Optional.empty(), t.plusSeconds(61)))
                .isFalse();
        Feedback a = feedback.find("fb_a").orElseThrow();
        assertThat(a.status()).isEqualTo(Feedback.Status.ACCEPTED);
        assertThat(a.reviewer()).contains("rev");
        assertThat(a.reviewNote()).contains("agreed");
        assertThat(a.reviewedAt()).contains(t.plusSeconds(60));
        assertThat(feedback.byStatus(Feedback.Status.PENDING, 10)).extracting(Feedback::id).containsExactly("fb_b");
        assertThat(feedback.byStatus(Feedback.Status.ACCEPTED, 10)).extracting(Feedback::id).containsExactly("fb_a");
    }

    @Test
    void migratingTwiceChangesNothing() throws Exception {
        decisions.record(decision("dec_keep", Instant.now(), Optional.empty()));
        try (Database again = Database.open(currentAudit())) {
            assertThat(new DecisionLog(again.dataSource(), new ObjectMapper()).find("dec_keep")).isPresent();
        }
        assertThat(db.healthy()).isTrue();
    }

    /** The database the current test uses (the one {@link #freshDatabase()} made). */
    abstract GatewayConfig.Audit currentAudit();

    static Feedback item(String id, Instant t) {
        return new Feedback(id, Optional.empty(), t, "anonymous@127.0.0.1", Feedback.Kind.FALSE_POSITIVE, "safe",
                Optional.of("profanity"), Optional.of("en"), Optional.of("a place name"), Optional.of("Scunthorpe"),
                Feedback.Status.PENDING, Optional.empty(), Optional.empty(), Optional.empty());
    }

    static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }
}
