package dev.parapet.server.auth;

import dev.parapet.server.guard.Guard;

/**
 * Who is asking, as far as the gateway knows.
 *
 * @param id       the API key's id, or {@code anonymous@ADDRESS}
 * @param guard    the policy and pipelines that apply to this client
 * @param reviewer whether it may read and decide the review queue
 */
public record Client(String id, Guard guard, boolean reviewer) {
}
