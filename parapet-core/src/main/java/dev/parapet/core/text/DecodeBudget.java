package dev.parapet.core.text;

/**
 * What is left to decode during one analysis: payloads and decoded bytes. Each analysis makes its own, so
 * a text full of encoded runs costs bounded time and memory.
 */
final class DecodeBudget {

    private int payloads;
    private long bytes;

    DecodeBudget(int payloads, long bytes) {
        this.payloads = payloads;
        this.bytes = bytes;
    }

    /** Whether one more payload of {@code size} decoded bytes fits. */
    boolean allows(long size) {
        return payloads > 0 && size <= bytes;
    }

    void take(long size) {
        payloads--;
        bytes -= size;
    }

    boolean exhausted() {
        return payloads <= 0;
    }
}
