package dev.parapet.core.pipeline;

import dev.parapet.core.content.Content;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.detect.DetectorTimeoutException;
import dev.parapet.core.detect.Screen;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.policy.FailMode;
import dev.parapet.core.policy.Policy;
import dev.parapet.core.policy.Rule;
import dev.parapet.core.text.AnalyzedText;
import dev.parapet.core.text.TextNormalizer;
import dev.parapet.core.verdict.Action;
import dev.parapet.core.verdict.DetectorFailure;
import dev.parapet.core.verdict.Verdict;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs detectors over content under a policy and decides a {@link Verdict}.
 *
 * <p>Detectors run cheapest first. The run stops early once the action can no longer get stricter
 * (unless built exhaustive, for callers that want every category's score). Each detector gets its
 * policy time budget: rule and model detectors run on the calling thread and honour their
 * {@link Deadline}; remote detectors run on a worker with a hard timeout. A failure or timeout is
 * handled by the policy's fail mode: closed (block) by default, open only when the policy says so, and
 * then it is logged and reported to the listener.
 *
 * <p>A text the normaliser proves plain ({@link TextNormalizer#plainAnalysis}) is not analysed again, and a
 * detector whose {@link Screen} proves it finds nothing there is not run: the verdict is the same, only
 * cheaper (texts up to {@link PipelineScreen#MAX_CHARS} chars, so that no detector's timeout is skipped).
 *
 * <p>Immutable and thread-safe once built.
 */
public final class Pipeline {

    private static final System.Logger LOG = System.getLogger(Pipeline.class.getName());

    private final Policy policy;
    private final TextNormalizer normalizer;
    private final List<Detector> detectors;
    private final Screen[] screens; // per detector, in order; null for one without a screen
    private final PolicyTerms terms;
    private final boolean exhaustive;
    private final PipelineListener listener;
    private final ExecutorService remoteExecutor;

    /**
     * Usually built through {@code Parapet.builder()}.
     *
     * @param exhaustive     run every relevant detector even when the action can no longer change
     * @param remoteExecutor where {@link Cost#REMOTE} detectors run; may be null when there are none
     */
    public Pipeline(Policy policy, TextNormalizer normalizer, List<Detector> detectors, boolean exhaustive,
                    PipelineListener listener, ExecutorService remoteExecutor) {
        this.policy = policy;
        this.normalizer = normalizer;
        List<Detector> sorted = new ArrayList<>(detectors);
        sorted.sort(Comparator.comparing(Detector::cost)); // stable: equal costs keep the caller's order
        this.detectors = List.copyOf(sorted);
        this.screens = this.detectors.stream().map(d -> d.screen().orElse(null)).toArray(Screen[]::new);
        this.terms = new PolicyTerms(policy, normalizer);
        this.exhaustive = exhaustive;
        this.listener = listener;
        this.remoteExecutor = remoteExecutor;
        // Load the normaliser's Unicode tables now, so the first request does not pay for them.
        normalizer.analyze("Ѕtart ѕ\u200B1 ok");
        Set<String> ids = new HashSet<>();
        for (Detector d : this.detectors) {
            if (!ids.add(d.id())) {
                throw new IllegalArgumentException("two detectors share the id '" + d.id() + "'");
            }
        }
    }

    public Policy policy() {
        return policy;
    }

    public List<Detector> detectors() {
        return detectors;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    public Verdict check(Content content) {
        long started = System.nanoTime();
        Map<String, Rule> rules = policy.rules(content.role());
        Action ceiling = policy.strictestAction(content.role());
        String original = content.text();
        AnalyzedText plain = original.length() <= PipelineScreen.MAX_CHARS ? normalizer.plainAnalysis(original) : null;
        AnalyzedText text = plain != null ? plain : normalizer.analyze(original);
        String lower = plain != null ? plain.normalized().text() : null; // what the screens read

        List<Finding> findings = new ArrayList<>();
        List<DetectorFailure> failures = new ArrayList<>();
        Action action = Action.ALLOW;

        if (!terms.isEmpty()) {
            findings.addAll(terms.denyFindings(text));
            action = decide(findings, rules, action);
        }
        List<Span> allowed = terms.isEmpty() ? List.of() : terms.allowedSpans(text);

        for (int i = 0; i < screens.length; i++) {
            Detector d = detectors.get(i);
            if (!exhaustive && action == ceiling) {
                break; // nothing a further detector finds can make the outcome stricter
            }
            if (!relevant(d, rules)) {
                continue;
            }
            long t0 = System.nanoTime();
            try {
                // A screen that proves the detector finds nothing here stands for its run.
                boolean cleared = lower != null && screens[i] != null
                        && !screens[i].mayFind(original, lower, content.role(), content.instructions());
                List<Finding> found = cleared ? List.of() : run(d, content, text);
                for (Finding f : found) {
                    if (rules.containsKey(f.category()) && !isAllowed(f, allowed)) {
                        findings.add(f);
                    }
                }
                action = decide(findings, rules, action);
            } catch (DetectorTimeoutException e) {
                failures.add(fail(d, DetectorFailure.Kind.TIMEOUT, "exceeded its budget of "
                        + policy.budget(d.id()).toMillis() + " ms"));
            } catch (Exception | StackOverflowError | OutOfMemoryError e) {
                failures.add(fail(d, DetectorFailure.Kind.ERROR, describe(e)));
            } finally {
                listener.detectorFinished(d.id(), Duration.ofNanos(System.nanoTime() - t0));
            }
            if (!failures.isEmpty() && policy.failMode() == FailMode.CLOSED) {
                action = Action.BLOCK;
            }
        }

        findings.sort(Comparator.comparing((Finding f) -> f.span().map(Span::start).orElse(-1))
                .thenComparing(Finding::category));
        Map<String, Double> scores = new TreeMap<>();
        Set<String> flagged = new LinkedHashSet<>();
        for (Finding f : findings) {
            scores.merge(f.category(), f.score(), Math::max);
        }
        List<String> reasons = new ArrayList<>();
        List<Finding> toRedact = new ArrayList<>();
        for (Map.Entry<String, Double> e : scores.entrySet()) {
            Rule r = rules.get(e.getKey());
            if (r != null && r.reachedBy(e.getValue())) {
                flagged.add(e.getKey());
                reasons.add(String.format(Locale.ROOT, "%s scored %.2f (threshold %.2f): %s", e.getKey(),
                        e.getValue(), r.threshold(), r.action().wireName()));
                if (r.action() == Action.REDACT) {
                    for (Finding f : findings) {
                        if (f.category().equals(e.getKey()) && r.reachedBy(f.score())) {
                            toRedact.add(f);
                        }
                    }
                }
            }
        }
        for (DetectorFailure f : failures) {
            reasons.add("detector " + f.detector() + " " + f.message()
                    + (f.failedOpen() ? " (ignored: policy fails open)" : " (policy fails closed: block)"));
        }
        Optional<String> redacted = action == Action.REDACT
                ? Optional.of(Redactor.redact(content.text(), toRedact)) : Optional.empty();
        Verdict v = new Verdict(action, scores, flagged, findings, redacted, reasons, failures, policy.id(),
                policy.version(), Duration.ofNanos(System.nanoTime() - started));
        listener.verdict(content, v);
        return v;
    }

    private List<Finding> run(Detector d, Content content, AnalyzedText text) throws Exception {
        Duration budget = policy.budget(d.id());
        Deadline deadline = Deadline.after(budget);
        if (d.cost() != Cost.REMOTE) {
            List<Finding> found = d.detect(content, text, deadline);
            return found == null ? List.of() : found;
        }
        Future<List<Finding>> future = remoteExecutor.submit(() -> d.detect(content, text, deadline));
        try {
            List<Finding> found = future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
            return found == null ? List.of() : found;
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new DetectorTimeoutException("timed out");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw new IllegalStateException(describe(cause));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private DetectorFailure fail(Detector d, DetectorFailure.Kind kind, String message) {
        boolean open = policy.failMode() == FailMode.OPEN;
        DetectorFailure f = new DetectorFailure(d.id(), kind, message, open);
        LOG.log(System.Logger.Level.WARNING,
                "detector {0} {1}; policy {2} fails {3}", d.id(), message, policy.id(), open ? "open" : "closed");
        listener.detectorFailed(f);
        return f;
    }

    private static boolean relevant(Detector d, Map<String, Rule> rules) {
        Set<String> cats = d.categories();
        if (cats.isEmpty()) {
            return true;
        }
        for (String c : cats) {
            if (rules.containsKey(c)) {
                return true;
            }
        }
        return false;
    }

    private static Action decide(List<Finding> findings, Map<String, Rule> rules, Action current) {
        Action a = current;
        for (Finding f : findings) {
            Rule r = rules.get(f.category());
            if (r != null && r.reachedBy(f.score())) {
                a = Action.strictest(a, r.action());
            }
        }
        return a;
    }

    private static boolean isAllowed(Finding f, List<Span> allowed) {
        if (allowed.isEmpty() || f.span().isEmpty()) {
            return false;
        }
        Span s = f.span().get();
        for (Span a : allowed) {
            if (a.start() <= s.start() && s.end() <= a.end()) {
                return true;
            }
        }
        return false;
    }

    /** A message safe to show: the exception's type and first line, never a stack trace. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m != null) {
            int nl = m.indexOf('\n');
            m = nl < 0 ? m : m.substring(0, nl);
            if (m.length() > 200) {
                m = m.substring(0, 200) + "…";
            }
        }
        return "failed: " + e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }
}
