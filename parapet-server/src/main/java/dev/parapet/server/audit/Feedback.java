package dev.parapet.server.audit;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A contested decision, or a report of something missed, and what reviewers made of it.
 *
 * @param id          the feedback's id
 * @param decisionId  the contested decision, when the reporter cites one
 * @param time        when it was sent
 * @param client      who sent it
 * @param kind        false positive (should have passed) or false negative (should have been caught)
 * @param label       the label it proposes: {@code safe} for a false positive, {@code unsafe} for a false negative
 * @param category    the canonical category concerned, when known
 * @param language    the text's language, when known
 * @param comment     the reporter's words
 * @param text        the text concerned (sent by the reporter, or from the decision when the audit stores text)
 * @param status      pending, accepted or rejected
 * @param reviewer    who decided
 * @param reviewNote  the reviewer's answer
 * @param reviewedAt  when it was decided
 */
public record Feedback(String id, Optional<String> decisionId, Instant time, String client, Kind kind, String label,
                       Optional<String> category, Optional<String> language, Optional<String> comment,
                       Optional<String> text, Status status, Optional<String> reviewer, Optional<String> reviewNote,
                       Optional<Instant> reviewedAt) {

    /** What the reporter says went wrong. */
    public enum Kind {
        FALSE_POSITIVE, FALSE_NEGATIVE;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The label the reporter proposes for the text. */
        public String label() {
            return this == FALSE_POSITIVE ? "safe" : "unsafe";
        }

        public static Kind parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "false_positive" -> FALSE_POSITIVE;
                case "false_negative" -> FALSE_NEGATIVE;
                default -> throw new IllegalArgumentException(
                        "unknown kind '" + s + "' (expected false_positive or false_negative)");
            };
        }
    }

    /** Where it is in the review queue. */
    public enum Status {
        PENDING, ACCEPTED, REJECTED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
