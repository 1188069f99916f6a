package dev.parapet.judge.client;

import java.util.Map;
import java.util.Optional;

/**
 * A guard model's answer.
 *
 * @param content         the answer text (the final channel for reasoning models)
 * @param reasoning       the reasoning text when the server returns it separately (vLLM's
 *                        {@code reasoning_content}, Ollama's {@code thinking}); empty otherwise
 * @param firstTokenLogprobs log-probabilities of the candidates for the first answer token, keyed by the token
 *                        text as the server wrote it; empty when the server returned none
 */
public record ChatReply(String content, Optional<String> reasoning, Map<String, Double> firstTokenLogprobs) {

    public ChatReply {
        content = content == null ? "" : content;
        reasoning = reasoning == null ? Optional.empty() : reasoning.filter(s -> !s.isBlank());
        firstTokenLogprobs = Map.copyOf(firstTokenLogprobs);
    }
}
