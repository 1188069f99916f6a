package dev.parapet.agent.policy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Constraints on one argument of a tool.
 *
 * @param name           the argument's name
 * @param required       whether a call must give it
 * @param target         whether it names where an effect lands (a recipient, an account, a URL, a path):
 *                       its value must be grounded in the user's request or in data the user pointed at
 * @param allowedValues  the only values allowed (case-insensitive); empty for any
 * @param allowedDomains e-mail or URL domains allowed (a subdomain of one is allowed); empty for any
 * @param min            smallest number allowed
 * @param max            largest number allowed
 * @param pathPrefixes   paths must start with one of these; empty for any
 * @param pattern        the whole value must match this bounded pattern
 * @param maxLength      longest value in chars
 */
public record ArgumentRule(String name, boolean required, boolean target, List<String> allowedValues,
                           List<String> allowedDomains, OptionalDouble min, OptionalDouble max,
                           List<String> pathPrefixes, Optional<BoundedPattern> pattern, int maxLength) {

    /** Default longest value of an argument. */
    public static final int DEFAULT_MAX_LENGTH = 64 * 1024;

    public ArgumentRule {
        Objects.requireNonNull(name, "name");
        allowedValues = List.copyOf(allowedValues);
        allowedDomains = List.copyOf(allowedDomains);
        pathPrefixes = List.copyOf(pathPrefixes);
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(pattern, "pattern");
        if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
            throw new IllegalArgumentException("min " + min.getAsDouble() + " is above max " + max.getAsDouble());
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("max_length must be positive");
        }
    }

    /** An argument with no constraints. */
    public static ArgumentRule free(String name) {
        return new ArgumentRule(name, false, false, List.of(), List.of(), OptionalDouble.empty(),
                OptionalDouble.empty(), List.of(), Optional.empty(), DEFAULT_MAX_LENGTH);
    }

    /** This rule without its list of allowed values (to check the values against the other constraints). */
    public ArgumentRule withoutAllowedValues() {
        return new ArgumentRule(name, required, target, List.of(), allowedDomains, min, max, pathPrefixes, pattern,
                maxLength);
    }
}
