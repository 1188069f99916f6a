package dev.parapet.judge;

import java.util.Locale;

/** The HTTP dialect of the server that runs a guard model. */
public enum ApiStyle {
    /** {@code POST /v1/chat/completions}: vLLM, llama.cpp's server, TGI, LM Studio and others. */
    OPENAI,
    /** {@code POST /api/chat} of Ollama. */
    OLLAMA;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code openai} or {@code ollama}. */
    public static ApiStyle parse(String name) {
        for (ApiStyle s : values()) {
            if (s.wireName().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown API style '" + name + "' (expected openai or ollama)");
    }
}
