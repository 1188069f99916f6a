package dev.parapet.openness.report;

import dev.parapet.openness.assess.Assessment;

/** Renders a flat SVG badge: "openness" on the left, the MOF class (and OSAID pass) on the right. */
public final class SvgBadge {

    public String render(Assessment a) {
        String right = switch (a.mof().mofClass()) {
            case 1 -> "MOF Class I";
            case 2 -> "MOF Class II";
            case 3 -> "MOF Class III";
            default -> "MOF unclassified";
        } + (a.osaid().pass() ? " · OSAID pass" : "");
        String colour = switch (a.mof().mofClass()) {
            case 1 -> "#2e7d32";
            case 2 -> "#558b2f";
            case 3 -> "#9e9d24";
            default -> "#9e9e9e";
        };
        String left = "openness";
        int lw = 8 + left.length() * 7;
        int rw = 8 + right.length() * 7;
        int w = lw + rw;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"20\" role=\"img\" aria-label=\""
                + HtmlReport.esc(left + ": " + right) + "\"><title>" + HtmlReport.esc(a.release().name() + ": " + right)
                + "</title><rect width=\"" + lw + "\" height=\"20\" fill=\"#555\"/><rect x=\"" + lw + "\" width=\"" + rw
                + "\" height=\"20\" fill=\"" + colour + "\"/><g fill=\"#fff\" font-family=\"Verdana,DejaVu Sans,sans-serif\" "
                + "font-size=\"11\"><text x=\"4\" y=\"14\">" + left + "</text><text x=\"" + (lw + 4) + "\" y=\"14\">"
                + HtmlReport.esc(right) + "</text></g></svg>\n";
    }
}
