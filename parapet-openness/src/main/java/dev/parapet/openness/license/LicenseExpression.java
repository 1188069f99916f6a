package dev.parapet.openness.license;

/**
 * A parsed SPDX licence expression: a licence, a licence with an exception, or a conjunction / disjunction.
 * {@code OR} means the licensee may choose; {@code AND} means both apply.
 */
public sealed interface LicenseExpression {

    /** A single licence identifier; {@code orLater} for the {@code +} suffix. */
    record Id(String id, boolean orLater) implements LicenseExpression {
        @Override
        public String toString() {
            return id + (orLater ? "+" : "");
        }
    }

    /** A licence with an exception ({@code GPL-2.0-only WITH Classpath-exception-2.0}). */
    record With(Id license, String exception) implements LicenseExpression {
        @Override
        public String toString() {
            return license + " WITH " + exception;
        }
    }

    record And(LicenseExpression left, LicenseExpression right) implements LicenseExpression {
        @Override
        public String toString() {
            return wrap(left) + " AND " + wrap(right);
        }
    }

    record Or(LicenseExpression left, LicenseExpression right) implements LicenseExpression {
        @Override
        public String toString() {
            return wrap(left) + " OR " + wrap(right);
        }
    }

    private static String wrap(LicenseExpression e) {
        return e instanceof And || e instanceof Or ? "(" + e + ")" : e.toString();
    }
}
