package dev.parapet.judge.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What a guard model judges: a prompt alone (a prompt check), or a model's response with the prompt that led to
 * it as context (a response check).
 *
 * @param prompt   the user's prompt; empty when a response is judged without its prompt
 * @param response the model's response, when the response is what is judged
 */
public record Exchange(String prompt, Optional<String> response) {

    public Exchange {
        Objects.requireNonNull(prompt, "prompt");
        response = response == null ? Optional.empty() : response;
    }

    public static Exchange prompt(String prompt) {
        return new Exchange(prompt, Optional.empty());
    }

    public static Exchange response(String prompt, String response) {
        return new Exchange(prompt, Optional.of(response));
    }

    /** True when the response is judged, false when the prompt is. */
    public boolean judgesResponse() {
        return response.isPresent();
    }
}
