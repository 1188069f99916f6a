package dev.parapet.judge;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The guard model families Parapet can drive, with the answer length each needs by default. */
public enum GuardFamily {
    LLAMA_GUARD_3("llama-guard-3", 16),
    LLAMA_GUARD_4("llama-guard-4", 16),
    SHIELDGEMMA("shieldgemma", 8),
    GRANITE_GUARDIAN("granite-guardian", 64),
    WILDGUARD("wildguard", 32),
    QWEN3GUARD("qwen3guard", 64),
    GPT_OSS_SAFEGUARD("gpt-oss-safeguard", 2048);

    private final String wireName;
    private final int defaultMaxTokens;

    GuardFamily(String wireName, int defaultMaxTokens) {
        this.wireName = wireName;
        this.defaultMaxTokens = defaultMaxTokens;
    }

    /** The name used in configuration files and detector ids. */
    public String wireName() {
        return wireName;
    }

    public int defaultMaxTokens() {
        return defaultMaxTokens;
    }

    public static GuardFamily parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (GuardFamily f : values()) {
            if (f.wireName.equals(n)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown guard model family '" + name + "' (known: "
                + Arrays.stream(values()).map(GuardFamily::wireName).collect(Collectors.joining(", ")) + ")");
    }
}
