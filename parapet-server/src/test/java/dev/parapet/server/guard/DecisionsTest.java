package dev.parapet.server.guard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.PolicyLoader;
import dev.parapet.core.taxonomy.Taxonomies;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.verdict.Action;
import dev.parapet.server.audit.Database;
import dev.parapet.server.audit.DecisionLog;
import dev.parapet.server.config.GatewayConfig;
import dev.parapet.server.http.ApiException;
import dev.parapet.server.metrics.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Fail closed by default; fail open only by configuration, then recorded and counted. */
class DecisionsTest {

    /** A detector that always fails, as a broken model or an unreachable guard service would. */
    static final class BrokenDetector implements Detector {
        @Override
        public String id() {
            return "broken";
        }

        @Override
        public Set<String> categories() {
            return Set.of("hate");
        }

        @Override
        public Cost cost() {
            return Cost.RULE;
        }

        @Override
        public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
            throw new IllegalStateException("model file is corrupt");
        }
    }

    @TempDir
    Path dir;
    Database db;
    DecisionLog log;

    @BeforeEach
    void open() {
        db = Database.open(new GatewayConfig.Audit("jdbc:sqlite:" + dir.resolve("a.db"), "", "", true));
        log = new DecisionLog(db.dataSource(), new ObjectMapper());
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Guard guard(Policy policy) {
        return Guard.of(policy, TextNormalizer.none(), List.of(new BrokenDetector()));
    }

    static Policy policy(String failMode) {
        return new PolicyLoader(Taxonomies.builtIn().canonical()).load("p.yaml",
                "id: p\nversion: \"1\"\nfail_mode: " + failMode + "\ncategories:\n  hate: {}\n");
    }

    @Test
    void aFailingDetectorBlocksUnderAFailClosedPolicyAndIsRecorded() throws Exception {
        Metrics metrics = new Metrics();
        Decisions d = new Decisions(log, metrics, false, true, Clock.systemUTC());
        try (Guard g = guard(policy("closed"))) {
            Checked c = d.check(g, "t", "check", Content.user("hello"), true);
            assertThat(c.verdict().action()).isEqualTo(Action.BLOCK);
            assertThat(c.failedOpen()).isFalse();
            assertThat(log.find(c.decisionId()).orElseThrow().action()).isEqualTo("block");
            assertThat(log.find(c.decisionId()).orElseThrow().text()).contains("hello");
        }
        assertThat(metrics.failOpenCount("detector_error")).isZero();
    }

    @Test
    void aFailOpenPolicyPassesAndTheGatewayCountsIt() throws Exception {
        Metrics metrics = new Metrics();
        Decisions d = new Decisions(log, metrics, false, false, Clock.systemUTC());
        try (Guard g = guard(policy("open"))) {
            Checked c = d.check(g, "t", "check", Content.user("hello"), true);
            assertThat(c.verdict().action()).isEqualTo(Action.ALLOW);
            assertThat(c.failedOpen()).isTrue();
            assertThat(log.find(c.decisionId()).orElseThrow().failedOpen()).isTrue();
            assertThat(log.find(c.decisionId()).orElseThrow().text()).isEmpty();
        }
        assertThat(metrics.failOpenCount("detector_error")).isEqualTo(1);
        assertThat(metrics.scrape()).contains("parapet_fail_open_total{reason=\"detector_error\"} 1");
    }

    @Test
    void anAuditThatCannotRecordRefusesUnlessTheGatewayFailsOpen() {
        db.close(); // the database is gone
        try (Guard g = guard(policy("open"))) {
            Decisions closed = new Decisions(log, new Metrics(), false, false, Clock.systemUTC());
            assertThatThrownBy(() -> closed.check(g, "t", "check", Content.user("hello"), true))
                    .isInstanceOf(ApiException.class).extracting(e -> ((ApiException) e).status()).isEqualTo(503);
            Metrics metrics = new Metrics();
            Decisions open = new Decisions(log, metrics, true, false, Clock.systemUTC());
            assertThat(open.check(g, "t", "check", Content.user("hello"), true).verdict().action())
                    .isEqualTo(Action.ALLOW);
            assertThat(metrics.failOpenCount("audit_error")).isEqualTo(1);
        }
    }
}
