package dev.parapet.eval.dataset;

import java.util.Locale;
import java.util.Set;

/** How a record's label is decided: positive (unsafe), negative (safe), or left out by design. */
public sealed interface LabelRule {

    /** The outcome for one record. */
    enum Outcome { POSITIVE, NEGATIVE, EXCLUDED }

    /**
     * @throws BadValue when the record has no usable label
     */
    Outcome apply(Record r);

    /** Every record of the source has the same label. */
    record Constant(boolean positive) implements LabelRule {
        @Override
        public Outcome apply(Record r) {
            return positive ? Outcome.POSITIVE : Outcome.NEGATIVE;
        }
    }

    /**
     * A field's value decides: values in {@code positive} are positive; values in {@code negative} negative; when
     * {@code negative} is empty every other value is negative, otherwise other values are bad rows. Values are
     * compared trimmed and case-insensitively.
     */
    record Values(String field, Set<String> positive, Set<String> negative) implements LabelRule {
        public Values {
            positive = fold(positive);
            negative = fold(negative);
            if (positive.isEmpty()) throw new IllegalArgumentException("no positive value for label field " + field);
        }

        @Override
        public Outcome apply(Record r) {
            String v = r.value(field).map(s -> s.trim().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new BadValue(field, "no label"));
            if (positive.contains(v)) return Outcome.POSITIVE;
            if (negative.isEmpty() || negative.contains(v)) return Outcome.NEGATIVE;
            throw new BadValue(field, "label '" + v + "' is neither positive " + positive + " nor negative " + negative);
        }

        private static Set<String> fold(Set<String> values) {
            return Set.copyOf(values.stream().map(s -> s.trim().toLowerCase(Locale.ROOT)).toList());
        }
    }

    /** A numeric field at or above {@code min} is positive; below it is negative, or left out when {@code excludeBelow}. */
    record AtLeast(String field, double min, boolean excludeBelow) implements LabelRule {
        @Override
        public Outcome apply(Record r) {
            String v = r.value(field).orElseThrow(() -> new BadValue(field, "no label"));
            double d;
            try {
                d = Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new BadValue(field, "'" + v + "' is not a number");
            }
            if (Double.isNaN(d)) throw new BadValue(field, "NaN is not a label");
            if (d >= min) return Outcome.POSITIVE;
            return excludeBelow ? Outcome.EXCLUDED : Outcome.NEGATIVE;
        }
    }

    /** Labels by a category field: the listed (safe) categories are negative, every other category positive. */
    record SafeCategories(String field, Set<String> safe) implements LabelRule {
        public SafeCategories {
            safe = Values.fold(safe);
        }

        @Override
        public Outcome apply(Record r) {
            String v = r.value(field).map(s -> s.trim().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> new BadValue(field, "no category"));
            return safe.contains(v) ? Outcome.NEGATIVE : Outcome.POSITIVE;
        }
    }

    /** A record's value that cannot be used; the loader turns it into a {@link RowIssue}. */
    final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String field;

        public BadValue(String field, String reason) {
            super(reason, null, false, false);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
