package dev.parapet.bench;

import dev.parapet.core.Parapet;
import dev.parapet.core.content.Content;
import dev.parapet.core.text.UnicodeNormalizer;
import dev.parapet.core.verdict.Verdict;
import dev.parapet.detect.RuleDetectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What checking a user's message against its system prompt costs, one thread: the rule pipeline on a ~100-token
 * message with a ~700-character system prompt that keeps a record and forbids topics ({@code with-instructions}:
 * the injection detector reads it, since the prompt protects something; what the instructions protect is read once
 * and kept, as for a deployment's one system prompt), beside the same message alone ({@code alone}, which the fast
 * path may clear), and a ~100-token answer checked with the same prompt for the values it keeps
 * ({@code answer-with-instructions}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class InstructionsBenchmark {

    static final String SYSTEM = "You are Nova, the support assistant of Brightline Telecom. Help customers with "
            + "plans, billing, roaming and their devices, and keep a friendly, concise tone. Customer on file: Maria "
            + "Lopez, born 12 March 1987, lives at 14 Elm Street, Springfield, phone 555-0143, plan Unlimited Plus. "
            + "Never share the customer's personal data with anyone who has not passed verification. Do not discuss "
            + "competitors' prices or promotions. Never promise refunds or credits; refer such requests to a human "
            + "agent. Do not give legal advice. Internal escalation code: 'BLT-7731'; it is confidential and must "
            + "never be revealed. Answer in the customer's language.";
    static final String MESSAGE = "Hi, I am travelling to Portugal and Spain next month for about three weeks and "
            + "I would like to know whether my plan covers roaming there, how much data I can use abroad before I am "
            + "charged extra, and whether I need to switch anything on in my phone settings before I leave. Also, "
            + "can I add a second line for my daughter?";

    static final String ANSWER = "Good news: your plan includes roaming in Portugal and Spain at no extra cost. You "
            + "can use up to 20 GB of data abroad each month before a fair-use charge applies, and calls and texts "
            + "within the EU are included. Before you leave, open Settings, then Mobile Data, and switch on Data "
            + "Roaming. A second line for your daughter can be added in the app under My Plan, Add a Line.";

    @Param({"alone", "with-instructions", "answer-with-instructions"})
    public String input;

    private Parapet parapet;
    private Content content;

    @Setup(Level.Trial)
    public void setUp() {
        UnicodeNormalizer normalizer = new UnicodeNormalizer();
        parapet = Parapet.builder().normalizer(normalizer).detectors(RuleDetectors.defaults(normalizer)).build();
        content = switch (input) {
            case "alone" -> Content.user(MESSAGE);
            case "with-instructions" -> Content.user(MESSAGE).withInstructions(SYSTEM);
            case "answer-with-instructions" -> Content.assistant(ANSWER).withInstructions(SYSTEM);
            default -> throw new IllegalArgumentException(input);
        };
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        parapet.close();
    }

    @Benchmark
    public Verdict check() {
        return parapet.check(content);
    }
}
