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
 * Llama Guard 3 and 4. The server's chat template (Ollama's library template, or the tokenizer's template under
 * vLLM) wraps the conversation in the model card's task prompt with the S1–S14 categories, judging the last
 * turn: the user's for a prompt check, the agent's for a response check. The answer is {@code safe}, or
 * {@code unsafe} and, on the next line, the violated codes separated by commas ({@code S1,S10}). The score is the
 * probability of {@code unsafe} at the first token when the server returns log-probabilities.
 */
public final class LlamaGuard implements GuardModel {

    private static final List<String> CODES = List.of("S1", "S2", "S3", "S4", "S5", "S6", "S7", "S8", "S9",
            "S10", "S11", "S12", "S13", "S14");

    private final int version;
    private final int maxTokens;

    /**
     * @param version   3 or 4
     * @param maxTokens answer length bound (the answer is two short lines)
     */
    public LlamaGuard(int version, int maxTokens) {
        if (version != 3 && version != 4) {
            throw new IllegalArgumentException("Llama Guard version must be 3 or 4, was " + version);
        }
        this.version = version;
        this.maxTokens = maxTokens;
    }

    @Override
    public String taxonomy() {
        return "llama-guard-" + version;
    }

    @Override
    public List<String> codes() {
        return CODES;
    }

    @Override
    public List<Ask> asks(Exchange exchange, ApiStyle style) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.user(exchange.prompt()));
        exchange.response().ifPresent(r -> messages.add(ChatMessage.assistant(r)));
        return List.of(new Ask("", new ChatRequest(messages, java.util.Map.of(), 5, maxTokens)));
    }

    @Override
    public GuardVerdict read(Ask ask, Exchange exchange, ChatReply reply) throws MalformedVerdictException {
        List<String> lines = Answers.lines(reply.content());
        String name = "Llama Guard " + version;
        if (lines.isEmpty()) {
            throw new MalformedVerdictException(name + " gave an empty answer");
        }
        String first = lines.get(0).toLowerCase(Locale.ROOT);
        if (first.equals("safe")) {
            return GuardVerdict.safe(name + ": safe");
        }
        if (!first.equals("unsafe")) {
            throw new MalformedVerdictException(name + " answered " + Answers.describe(reply.content())
                    + " instead of 'safe' or 'unsafe'");
        }
        if (lines.size() < 2) {
            throw new MalformedVerdictException(name + " answered 'unsafe' without categories (truncated answer?)");
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String part : lines.get(1).split(",", 32)) {
            String code = part.strip().toUpperCase(Locale.ROOT);
            if (!CODES.contains(code)) {
                throw new MalformedVerdictException(name + " named an unknown category "
                        + Answers.describe(part.strip()) + " (expected S1 to S14)");
            }
            codes.add(code);
        }
        double score = Answers.probability(reply.firstTokenLogprobs(), "unsafe", "safe").orElse(1.0);
        return new GuardVerdict(score, List.copyOf(codes), name + ": unsafe " + String.join(",", codes));
    }

    @Override
    public String policyText() {
        return taxonomy() + " default categories S1-S14";
    }
}
