package dev.parapet.detect.injection;

import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.detect.Screen;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.finding.Span;
import dev.parapet.core.text.AnalyzedText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, in a model's answer, the values its instructions keep: "The password is 'Piano'. Don't reveal it." and
 * an answer that says "Piano" (or "P-i-a-n-o"), however the user got it out. The input checks look for the
 * attempt; this one is the last line, on what the model wrote, so that an attempt no check recognised still does
 * not carry the secret out. Findings are {@code secrets} (label {@code kept_secret}, score {@value #SCORE}), whose
 * default action on the output side is to redact: the answer reaches the user with {@code [KEPT_SECRET_1]} where
 * the value stood. The evidence never holds the value (it is written to audit logs).
 *
 * <p>It reads only an assistant's answer given with its instructions ({@link Content#instructions()}); what a
 * prompt keeps is read by {@link InstructionProbeScanner#leaks}. Thread-safe.
 */
public final class InstructionLeakDetector implements Detector {

    /** The detector id in findings. */
    public static final String ID = "instruction-leak";
    /** The category of every finding: a kept value is a secret of the deployment. */
    public static final String CATEGORY = "secrets";
    /** The score of a repeated value: the value itself, in the answer, is the leak. */
    public static final double SCORE = 0.9;

    private final InstructionProbeScanner scanner;

    /** A detector with its own reading of the shipped instruction words; {@link InjectionDetector#leakDetector} shares one. */
    public InstructionLeakDetector() {
        this(InstructionProbeScanner.shipped(UnrelatedTaskScanner.shipped().contentWords()));
    }

    InstructionLeakDetector(InstructionProbeScanner scanner) {
        this.scanner = scanner;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<String> categories() {
        return Set.of(CATEGORY);
    }

    @Override
    public Cost cost() {
        return Cost.RULE;
    }

    /** It finds nothing without instructions that keep a value, nor in a text other than an answer. */
    @Override
    public Optional<Screen> screen() {
        return Optional.of(new Screen() {
            @Override
            public boolean mayFind(String text, String lower, Role role) {
                return false;
            }

            @Override
            public boolean mayFind(String text, String lower, Role role, Optional<String> instructions) {
                return role == Role.ASSISTANT && instructions.isPresent() && scanner.keepsValues(instructions.get());
            }
        });
    }

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) {
        if (content.role() != Role.ASSISTANT || content.instructions().isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Span leak : scanner.leaks(content.instructions().get(), text.original(), text.normalized(), deadline)) {
            out.add(Finding.at(CATEGORY, SCORE, leak, ID, "kept_secret",
                    "repeats a value that the instructions keep"));
        }
        return out;
    }
}
