package dev.parapet.judge.model;

import dev.parapet.judge.client.ChatRequest;

import java.util.Objects;

/**
 * One request to a guard model and what it asks about. Models that judge one policy at a time (ShieldGemma,
 * Granite Guardian) make one ask per policy; the others make one ask per check.
 *
 * @param subject the code asked about (a ShieldGemma policy, a Granite Guardian risk), or empty when the model
 *                names the codes in its answer
 * @param request what to send
 */
public record Ask(String subject, ChatRequest request) {

    public Ask {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(request, "request");
    }
}
