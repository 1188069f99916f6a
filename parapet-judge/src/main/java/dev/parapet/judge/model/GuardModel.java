package dev.parapet.judge.model;

import dev.parapet.judge.ApiStyle;
import dev.parapet.judge.client.ChatReply;

import java.util.List;

/**
 * One guard model family: how to ask it about an exchange (its prompt format) and how to read its answer (its
 * output format), both as its model card documents them. Implementations are immutable and thread-safe.
 */
public interface GuardModel {

    /** The id of the crosswalk that maps this model's codes to canonical categories. */
    String taxonomy();

    /** The codes this configuration can report (used to tell the pipeline which categories it covers). */
    List<String> codes();

    /** The requests that judge the exchange, in the server dialect given. */
    List<Ask> asks(Exchange exchange, ApiStyle style);

    /**
     * Reads the model's answer to one ask.
     *
     * @throws MalformedVerdictException when the answer is not in the model's output format
     */
    GuardVerdict read(Ask ask, Exchange exchange, ChatReply reply) throws MalformedVerdictException;

    /** Everything that shapes the prompts, as text: part of the cache key, so a changed policy is never served stale. */
    String policyText();
}
