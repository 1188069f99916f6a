package dev.parapet.openness.report;

import dev.parapet.openness.assess.Assessment;
import dev.parapet.openness.assess.MofResult;
import dev.parapet.openness.assess.OsaiResult;
import dev.parapet.openness.assess.Profile;

import java.util.Locale;
import java.util.Map;

/** Renders an assessment as plain text for a terminal: one section per framework, reasons indented. */
public final class TextReport {

    public String render(Assessment a) {
        StringBuilder sb = new StringBuilder();
        var r = a.release();
        sb.append(r.name()).append(r.version().isEmpty() ? "" : " " + r.version())
                .append(r.producer().isEmpty() ? "" : " (" + r.producer() + ")").append('\n');
        sb.append("  file: ").append(r.file()).append(" [").append(r.format().title()).append("]\n");
        MofResult m = a.mof();
        sb.append(String.format(Locale.ROOT, "  MOF: %s  progress I %.0f%%  II %.0f%%  III %.0f%%%n", m.label(),
                m.progress().get("1"), m.progress().get("2"), m.progress().get("3")));
        for (MofResult.Check c : m.components()) {
            if (!c.required() || c.open()) continue;
            sb.append("    - ").append(c.type().title()).append(" (class ").append(c.mofClass()).append("): ")
                    .append(c.reason()).append('\n');
        }
        if (a.mofNormalized().mofClass() != m.mofClass()) {
            sb.append("  MOF with licence repair: ").append(a.mofNormalized().label()).append('\n');
            a.mofChanges().forEach(s -> sb.append("    - ").append(s).append('\n'));
        }
        sb.append("  OSI Open Source AI Definition: ").append(a.osaid().pass() ? "PASS" : "FAIL").append('\n');
        a.osaid().reasons().forEach(s -> sb.append("    - ").append(s).append('\n'));
        if (a.osai().isPresent()) {
            OsaiResult o = a.osai().get();
            sb.append(String.format(Locale.ROOT, "  Open Source AI Index: %.1f%% (%s)%n", o.score() * 100, categories(o)));
        }
        sb.append("  Release gradient: ").append(a.gradient().level().title()).append(" — ")
                .append(a.gradient().reason()).append('\n');
        sb.append("  Stack: ");
        a.profile().layers().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "%s %.0f%%  ", k, v * 100)));
        sb.append('\n');
        for (Map.Entry<String, Profile.GoalResult> g : a.profile().goals().entrySet()) {
            sb.append("    ").append(g.getValue().unlocked() ? "[x] " : "[ ] ").append(g.getValue().title());
            if (!g.getValue().unlocked()) sb.append(" — blocked: ").append(String.join("; ", g.getValue().blockers()));
            sb.append('\n');
        }
        a.fmti().ifPresent(f -> sb.append(String.format(Locale.ROOT, "  Transparency index: %s %.0f/%d%n",
                f.developer(), f.score(), f.indicators())));
        if (!a.consistency().isEmpty()) {
            sb.append("  Consistency:\n");
            a.consistency().forEach(s -> sb.append("    ! ").append(s).append('\n'));
        }
        if (!a.warnings().isEmpty()) {
            sb.append("  Warnings:\n");
            a.warnings().forEach(s -> sb.append("    ~ ").append(s).append('\n'));
        }
        return sb.toString();
    }

    static String categories(OsaiResult o) {
        StringBuilder sb = new StringBuilder();
        o.categories().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ")
                .append(String.format(Locale.ROOT, "%s %.0f%%", k, v * 100)));
        return sb.toString();
    }
}
