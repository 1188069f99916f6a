package dev.parapet.openness.report;

import dev.parapet.openness.assess.Assessment;
import dev.parapet.openness.assess.MofResult;
import dev.parapet.openness.assess.Profile;

import java.util.Locale;
import java.util.Map;

/** Renders an assessment as Markdown: a summary table, the component checks and the goals. */
public final class MarkdownReport {

    public String render(Assessment a) {
        StringBuilder sb = new StringBuilder();
        sb.append("## ").append(esc(a.release().name())).append("\n\n");
        sb.append("| framework | result |\n|---|---|\n");
        sb.append("| MOF | ").append(a.mof().label()).append(String.format(Locale.ROOT, " (I %.0f%%, II %.0f%%, III %.0f%%)",
                a.mof().progress().get("1"), a.mof().progress().get("2"), a.mof().progress().get("3"))).append(" |\n");
        sb.append("| MOF with licence repair | ").append(a.mofNormalized().label()).append(" |\n");
        sb.append("| OSI OSAID 1.0 | ").append(a.osaid().pass() ? "pass" : "fail: " + esc(String.join("; ", a.osaid().reasons()))).append(" |\n");
        a.osai().ifPresent(o -> sb.append(String.format(Locale.ROOT, "| Open Source AI Index | %.1f%% |%n", o.score() * 100)));
        sb.append("| Release gradient | ").append(a.gradient().level().title()).append(" |\n\n");
        sb.append("| component | class | licence | open | reason |\n|---|---|---|---|---|\n");
        for (MofResult.Check c : a.mofNormalized().components()) {
            sb.append("| ").append(c.type().title()).append(" | ").append(c.mofClass()).append(" | ")
                    .append(c.license() == null ? "" : esc(c.license())).append(" | ").append(c.open() ? "yes" : "no")
                    .append(" | ").append(esc(c.reason())).append(" |\n");
        }
        sb.append("\n**Goals of openness**\n\n");
        for (Map.Entry<String, Profile.GoalResult> g : a.profile().goals().entrySet()) {
            sb.append("- ").append(g.getValue().unlocked() ? "✅ " : "❌ ").append(g.getValue().title());
            if (!g.getValue().unlocked()) sb.append(": ").append(esc(String.join("; ", g.getValue().blockers())));
            sb.append('\n');
        }
        if (!a.consistency().isEmpty()) {
            sb.append("\n**Consistency**\n\n");
            a.consistency().forEach(s -> sb.append("- ").append(esc(s)).append('\n'));
        }
        if (!a.warnings().isEmpty()) {
            sb.append("\n**Warnings**\n\n");
            a.warnings().forEach(s -> sb.append("- ").append(esc(s)).append('\n'));
        }
        return sb.append('\n').toString();
    }

    private static String esc(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
