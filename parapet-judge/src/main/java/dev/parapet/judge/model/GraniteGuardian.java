package dev.parapet.judge.model;

import dev.parapet.judge.ApiStyle;
import dev.parapet.judge.client.ChatMessage;
import dev.parapet.judge.client.ChatReply;
import dev.parapet.judge.client.ChatRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Granite Guardian (3.x). It judges one risk per request, named by the model card's risk names; its chat template
 * puts the risk's definition into the prompt and judges the last turn (the user's prompt, or the assistant's
 * response with the prompt as context). On an OpenAI-compatible server the risk goes in the template argument
 * {@code guardian_config} ({@code risk_name}); on Ollama in the system message, as the Ollama library's template
 * expects. The answer is {@code Yes} (risky) or {@code No}; Granite Guardian 3.3 writes {@code <score> yes </score>},
 * optionally after a {@code <think>} block. The score is the probability of {@code Yes} at the first token when
 * the server returns log-probabilities, else 1/0 from the answer.
 */
public final class GraniteGuardian implements GuardModel {

    /** The card's harm risks and whether each applies to prompts and to responses. */
    public static final Map<String, Applies> RISKS;

    static {
        Map<String, Applies> m = new LinkedHashMap<>();
        m.put("harm", Applies.BOTH);
        m.put("social_bias", Applies.BOTH);
        m.put("jailbreak", Applies.PROMPT);
        m.put("violence", Applies.BOTH);
        m.put("profanity", Applies.BOTH);
        m.put("sexual_content", Applies.BOTH);
        m.put("unethical_behavior", Applies.BOTH);
        RISKS = java.util.Collections.unmodifiableMap(m);
    }

    /** Which side of a conversation a risk is defined for. */
    public enum Applies { PROMPT, BOTH }

    private final List<String> risks;
    private final int maxTokens;

    /**
     * @param risks     names from {@link #RISKS}
     * @param maxTokens answer length bound (3.3 with thinking needs room for the reasoning)
     */
    public GraniteGuardian(List<String> risks, int maxTokens) {
        this.risks = KnownNames.require(risks, RISKS.keySet(), "Granite Guardian risk");
        this.maxTokens = maxTokens;
    }

    @Override
    public String taxonomy() {
        return "granite-guardian";
    }

    @Override
    public List<String> codes() {
        return risks;
    }

    @Override
    public List<Ask> asks(Exchange exchange, ApiStyle style) {
        List<Ask> asks = new ArrayList<>();
        for (String risk : risks) {
            if (exchange.judgesResponse() && RISKS.get(risk) == Applies.PROMPT) {
                continue; // the card defines jailbreak risk on prompts only
            }
            List<ChatMessage> messages = new ArrayList<>();
            Map<String, Object> kwargs = Map.of();
            if (style == ApiStyle.OLLAMA) {
                messages.add(ChatMessage.system(risk));
            } else {
                kwargs = Map.of("guardian_config", Map.of("risk_name", risk));
            }
            messages.add(ChatMessage.user(exchange.prompt()));
            exchange.response().ifPresent(r -> messages.add(ChatMessage.assistant(r)));
            asks.add(new Ask(risk, new ChatRequest(messages, kwargs, 5, maxTokens)));
        }
        return asks;
    }

    @Override
    public GuardVerdict read(Ask ask, Exchange exchange, ChatReply reply) throws MalformedVerdictException {
        String content = reply.content();
        String answer = content;
        int score = content.indexOf("<score>");
        if (score >= 0) {
            int end = content.indexOf("</score>", score);
            if (end < 0) {
                throw new MalformedVerdictException("Granite Guardian's <score> is not closed (truncated answer?)");
            }
            answer = content.substring(score + "<score>".length(), end);
        } else if (content.contains("<think>")) {
            throw new MalformedVerdictException("Granite Guardian's answer has no <score> after its reasoning "
                    + "(truncated answer? raise max_tokens)");
        }
        String word = Answers.firstWord(answer);
        boolean yes;
        if (word.equals("yes")) {
            yes = true;
        } else if (word.equals("no")) {
            yes = false;
        } else {
            throw new MalformedVerdictException("Granite Guardian answered " + Answers.describe(answer)
                    + " instead of 'Yes' or 'No'");
        }
        double p = score >= 0 ? (yes ? 1.0 : 0.0)
                : Answers.probability(reply.firstTokenLogprobs(), "yes", "no").orElse(yes ? 1.0 : 0.0);
        return new GuardVerdict(p, List.of(ask.subject()),
                "Granite Guardian: " + (yes ? "Yes" : "No") + " for " + ask.subject());
    }

    @Override
    public String policyText() {
        return "granite-guardian " + String.join(",", risks);
    }
}
