package dev.parapet.agent.policy;

import java.util.Locale;

/** Checks one scalar argument value against its rule. */
public final class ArgumentChecks {

    private ArgumentChecks() {
    }

    /** Why {@code value} breaks {@code rule}, or null when it does not. */
    public static String violation(ArgumentRule rule, String value) {
        if (value.length() > rule.maxLength()) {
            return "longer than " + rule.maxLength() + " chars";
        }
        if (!rule.allowedValues().isEmpty()
                && rule.allowedValues().stream().noneMatch(v -> v.equalsIgnoreCase(value.trim()))) {
            return "not one of the allowed values";
        }
        if (rule.min().isPresent() || rule.max().isPresent()) {
            double d;
            try {
                d = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                return "not a number";
            }
            if (Double.isNaN(d) || rule.min().isPresent() && d < rule.min().getAsDouble()) {
                return "below the minimum " + fmt(rule.min().getAsDouble());
            }
            if (rule.max().isPresent() && d > rule.max().getAsDouble()) {
                return "above the maximum " + fmt(rule.max().getAsDouble());
            }
        }
        if (!rule.allowedDomains().isEmpty()) {
            String domain = domainOf(value);
            if (domain == null || rule.allowedDomains().stream().noneMatch(d -> inDomain(domain, d))) {
                return "domain " + (domain == null ? "missing" : "'" + domain + "'") + " is not allowed";
            }
        }
        if (!rule.pathPrefixes().isEmpty()) {
            if (value.contains("..") || rule.pathPrefixes().stream().noneMatch(value::startsWith)) {
                return "path outside the allowed prefixes";
            }
        }
        if (rule.pattern().isPresent() && !rule.pattern().get().matches(value)) {
            return "does not match the pattern " + rule.pattern().get().source();
        }
        return null;
    }

    /** The domain of an e-mail address or URL, lower case; null when there is none. */
    static String domainOf(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        int at = v.lastIndexOf('@');
        if (at >= 0) {
            return at + 1 < v.length() ? v.substring(at + 1) : null;
        }
        int scheme = v.indexOf("://");
        String host = scheme >= 0 ? v.substring(scheme + 3) : v;
        int end = host.length();
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '/' || c == ':' || c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        host = host.substring(0, end);
        return host.contains(".") ? host : null;
    }

    private static boolean inDomain(String domain, String allowed) {
        String a = allowed.toLowerCase(Locale.ROOT);
        return domain.equals(a) || domain.endsWith("." + a);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
