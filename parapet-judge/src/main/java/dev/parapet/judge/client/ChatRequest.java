package dev.parapet.judge.client;

import java.util.List;
import java.util.Map;

/**
 * What to send to a guard model: the messages, the arguments its chat template takes (vLLM's
 * {@code chat_template_kwargs}, e.g. ShieldGemma's {@code guideline}), whether to ask for the log-probabilities
 * of the first answer token, and how many tokens the answer may have. Temperature is always 0: a guard's
 * verdict must not depend on sampling.
 *
 * @param messages       the conversation as the model's chat template expects it
 * @param templateKwargs arguments of the server-side chat template; empty for none
 * @param topLogprobs    how many alternatives of each answer token to return; 0 for no log-probabilities
 * @param maxTokens      upper bound on the answer's length
 */
public record ChatRequest(List<ChatMessage> messages, Map<String, Object> templateKwargs, int topLogprobs,
                          int maxTokens) {

    public ChatRequest {
        messages = List.copyOf(messages);
        templateKwargs = Map.copyOf(templateKwargs);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (topLogprobs < 0 || maxTokens < 1) {
            throw new IllegalArgumentException("bad topLogprobs " + topLogprobs + " or maxTokens " + maxTokens);
        }
    }

    public static ChatRequest of(List<ChatMessage> messages, int maxTokens) {
        return new ChatRequest(messages, Map.of(), 0, maxTokens);
    }
}
