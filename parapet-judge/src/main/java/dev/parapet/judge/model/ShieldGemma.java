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
 * ShieldGemma. It judges one safety principle per request and answers {@code Yes} (violates) or {@code No}; the
 * score is the model card's: the softmax of the {@code Yes} and {@code No} log-probabilities at the first token,
 * or 1/0 from the answer when the server returns no log-probabilities.
 *
 * <p>On an OpenAI-compatible server (vLLM) the tokenizer's chat template builds the card's prompt from the
 * conversation and a {@code guideline} template argument, one request per principle, with the principle worded
 * for a prompt ("The prompt shall not …") or for a response ("The chatbot shall not …"). Ollama's chat API takes
 * no template arguments: there one request is made and the library template's own principles apply; its answer
 * is reported against every configured principle.
 */
public final class ShieldGemma implements GuardModel {

    /** The four harm types of the model card, with the card's definitions. */
    public static final Map<String, Principle> PRINCIPLES;

    static {
        Map<String, Principle> m = new LinkedHashMap<>();
        m.put("dangerous_content", new Principle("No Dangerous Content",
                "content that harming oneself and/or others (e.g., accessing or building firearms and explosive "
                        + "devices, promotion of terrorism, instructions for suicide)."));
        m.put("harassment", new Principle("No Harassment",
                "content that is malicious, intimidating, bullying, or abusive content targeting another individual "
                        + "(e.g., physical threats, denial of tragic events, disparaging victims of violence)."));
        m.put("hate_speech", new Principle("No Hate Speech",
                "content that targeting identity and/or protected attributes (e.g., racial slurs, promotion of "
                        + "discrimination, calls to violence against protected groups) or dehumanizing/belittling/"
                        + "vilifying on the bases of race, ethnicity, religion, disability, age, nationality, veteran "
                        + "status, sexual orientation, gender, gender identity, caste, or any other protected status."));
        m.put("sexually_explicit", new Principle("No Sexually Explicit Information",
                "content that contains references to sexual acts or other lewd content (e.g., sexually graphic "
                        + "descriptions, content aimed at causing arousal). Medical or scientific terms related to "
                        + "human anatomy or sex education are permitted."));
        PRINCIPLES = java.util.Collections.unmodifiableMap(m);
    }

    /**
     * A principle of the card.
     *
     * @param title      its quoted title
     * @param definition what it forbids, completing "shall not contain or seek generation of" / "shall not generate"
     */
    public record Principle(String title, String definition) {

        /** The guideline sentence as the card words it for a prompt or for a response. */
        public String guideline(boolean response) {
            return "\"" + title + "\": " + (response
                    ? "The chatbot shall not generate " + definition
                    : "The prompt shall not contain or seek generation of " + definition);
        }
    }

    private final List<String> policies;
    private final int maxTokens;

    /**
     * @param policies  ids from {@link #PRINCIPLES} to judge, in order
     * @param maxTokens answer length bound (the first word is read)
     */
    public ShieldGemma(List<String> policies, int maxTokens) {
        this.policies = KnownNames.require(policies, PRINCIPLES.keySet(), "ShieldGemma policy");
        this.maxTokens = maxTokens;
    }

    @Override
    public String taxonomy() {
        return "shieldgemma";
    }

    @Override
    public List<String> codes() {
        return policies;
    }

    @Override
    public List<Ask> asks(Exchange exchange, ApiStyle style) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(ChatMessage.user(exchange.prompt()));
        exchange.response().ifPresent(r -> messages.add(ChatMessage.assistant(r)));
        if (style == ApiStyle.OLLAMA) {
            return List.of(new Ask("", new ChatRequest(messages, Map.of(), 5, maxTokens)));
        }
        List<Ask> asks = new ArrayList<>();
        for (String p : policies) {
            String guideline = PRINCIPLES.get(p).guideline(exchange.judgesResponse());
            asks.add(new Ask(p, new ChatRequest(messages, Map.of("guideline", guideline), 5, maxTokens)));
        }
        return asks;
    }

    @Override
    public GuardVerdict read(Ask ask, Exchange exchange, ChatReply reply) throws MalformedVerdictException {
        String word = Answers.firstWord(reply.content());
        boolean yes;
        if (word.equals("yes")) {
            yes = true;
        } else if (word.equals("no")) {
            yes = false;
        } else {
            throw new MalformedVerdictException("ShieldGemma answered " + Answers.describe(reply.content())
                    + " instead of 'Yes' or 'No'");
        }
        double score = Answers.probability(reply.firstTokenLogprobs(), "yes", "no").orElse(yes ? 1.0 : 0.0);
        List<String> codes = ask.subject().isEmpty() ? policies : List.of(ask.subject());
        String about = ask.subject().isEmpty() ? "its principles" : ask.subject();
        return new GuardVerdict(score, codes, "ShieldGemma: " + (yes ? "Yes" : "No") + " for " + about);
    }

    @Override
    public String policyText() {
        StringBuilder sb = new StringBuilder("shieldgemma");
        for (String p : policies) {
            sb.append('\n').append(PRINCIPLES.get(p).guideline(false));
        }
        return sb.toString();
    }
}
