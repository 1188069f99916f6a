package dev.parapet.ml.detect;

import dev.parapet.core.content.Content;
import dev.parapet.core.content.Role;
import dev.parapet.core.detect.Cost;
import dev.parapet.core.detect.Deadline;
import dev.parapet.core.detect.Detector;
import dev.parapet.core.finding.Finding;
import dev.parapet.core.text.AnalyzedText;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A detector that reads only the content of some roles and finds nothing in the rest: for a model that is
 * measured to help on some texts (a user's prompt) and to cost false alarms on others (code in tool results).
 * Immutable and thread-safe when its delegate is.
 */
public final class RoleScopedDetector implements Detector {

    private final Detector delegate;
    private final Set<Role> roles;

    /**
     * @param delegate the detector
     * @param roles    the roles whose content it reads
     */
    public RoleScopedDetector(Detector delegate, Set<Role> roles) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a role-scoped detector needs at least one role");
        }
        this.roles = Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The detector it runs. */
    public Detector delegate() {
        return delegate;
    }

    /** The roles whose content it reads. */
    public Set<Role> roles() {
        return roles;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public Set<String> categories() {
        return delegate.categories();
    }

    @Override
    public Cost cost() {
        return delegate.cost();
    }

    @Override
    public List<Finding> detect(Content content, AnalyzedText text, Deadline deadline) throws Exception {
        return roles.contains(content.role()) ? delegate.detect(content, text, deadline) : List.of();
    }
}
