package dev.parapet.judge.model;

import dev.parapet.judge.ApiStyle;
import dev.parapet.judge.client.ChatMessage;
import dev.parapet.judge.client.ChatReply;
import dev.parapet.judge.client.ChatRequest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Qwen3Guard-Gen. The server's chat template builds the model card's moderation prompt from the conversation
 * (the user's prompt, or the prompt and the assistant's response). The answer is {@code Safety: Safe|Unsafe|
 * Controversial}, then {@code Categories: …} (comma-separated, or {@code None}), and for responses
 * {@code Refusal: Yes|No}. Unsafe scores 1; controversial scores a configured value (the card leaves the strictness
 * to the deployment).
 */
public final class Qwen3Guard implements GuardModel {

    /** The card's categories, as the model writes them. */
    public static final List<String> CATEGORIES = List.of("Violent", "Non-violent Illegal Acts",
            "Sexual Content or Sexual Acts", "PII", "Suicide & Self-Harm", "Unethical Acts",
            "Politically Sensitive Topics", "Copyright Violation", "Jailbreak");

    private final double controversialScore;
    private final int maxTokens;

    /**
     * @param controversialScore the score of a controversial verdict, 0..1
     * @param maxTokens          answer length bound
     */
    public Qwen3Guard(double controversialScore, int maxTokens) {
        if (!(controversialScore >= 0 && controversialScore <= 1)) {
            throw new IllegalArgumentException("controversial score must be in 0..1");
        }
        this.controversialScore = controversialScore;
        this.maxTokens = maxTokens;
    }

    @Override
    public String taxonomy() {
        return "qwen3guard";
    }

    @Override
    public List<String> codes() {
        return CATEGORIES;
    }

    @Override
    public List<Ask> asks(Exchange exchange, ApiStyle style) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.user(exchange.prompt()));
        exchange.response().ifPresent(r -> messages.add(ChatMessage.assistant(r)));
        return List.of(new Ask("", ChatRequest.of(messages, maxTokens)));
    }

    @Override
    public GuardVerdict read(Ask ask, Exchange exchange, ChatReply reply) throws MalformedVerdictException {
        String safety = null;
        String categories = null;
        for (String line : Answers.lines(reply.content())) {
            if (safety == null && startsWithIgnoreCase(line, "Safety:")) {
                safety = line.substring("Safety:".length()).strip().toLowerCase(Locale.ROOT);
            } else if (categories == null && startsWithIgnoreCase(line, "Categories:")) {
                categories = line.substring("Categories:".length()).strip();
            }
        }
        if (safety == null) {
            throw new MalformedVerdictException("Qwen3Guard answered " + Answers.describe(reply.content())
                    + " without a 'Safety:' line");
        }
        double score = switch (safety) {
            case "safe" -> 0.0;
            case "unsafe" -> 1.0;
            case "controversial" -> controversialScore;
            default -> throw new MalformedVerdictException("Qwen3Guard answered Safety: " + Answers.describe(safety)
                    + " (expected Safe, Unsafe or Controversial)");
        };
        if (score == 0.0 && safety.equals("safe")) {
            return GuardVerdict.safe("Qwen3Guard: Safe");
        }
        if (categories == null) {
            throw new MalformedVerdictException("Qwen3Guard answered Safety: " + safety
                    + " without a 'Categories:' line (truncated answer?)");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : categories.split(",", 32)) {
            String name = part.strip();
            String known = CATEGORIES.stream().filter(c -> c.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                throw new MalformedVerdictException("Qwen3Guard named an unknown category " + Answers.describe(name));
            }
            codes.add(known);
        }
        return new GuardVerdict(score, List.copyOf(codes),
                "Qwen3Guard: " + capitalize(safety) + " (" + String.join(", ", codes) + ")");
    }

    @Override
    public String policyText() {
        return "qwen3guard controversial=" + controversialScore;
    }

    private static boolean startsWithIgnoreCase(String s, String prefix) {
        return s.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
