package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;

/**
 * Credentials whose issuers give them a recognisable prefix and alphabet: AWS access key ids, GitHub
 * tokens, Slack tokens and webhook URLs, Stripe keys and Google API keys. Tokens whose random part is
 * a placeholder ({@code ghp_xxxx...}) are skipped.
 */
final class KnownTokenScanner implements TextScanner {

    private static final String SLACK_HOOKS = "hooks.slack.com/services/";
    /** A random body has many different chars; placeholders repeat a few. */
    private static final int MIN_DISTINCT = 8;

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        Pacer pacer = new Pacer(deadline);
        int i = 0;
        while (i < n) {
            pacer.at(i);
            Hit hit = startsToken(text, i) ? tokenAt(text, i) : null;
            if (hit != null) {
                out.add(hit);
                i = hit.end();
            } else {
                i++;
            }
        }
    }

    private static boolean startsToken(String text, int i) {
        char before = Chars.at(text, i - 1);
        return !Chars.isAsciiAlnum(before) && before != '_' && before != '-';
    }

    private static Hit tokenAt(String s, int i) {
        return switch (s.charAt(i)) {
            case 'A' -> s.startsWith("AIza", i) ? google(s, i) : awsKeyId(s, i);
            case 'g' -> github(s, i);
            case 'x' -> slackToken(s, i);
            case 's', 'r', 'p' -> stripe(s, i);
            case 'h' -> slackWebhook(s, i);
            default -> null;
        };
    }

    /** AKIA (long-term), ASIA (temporary), ABIA and ACCA prefixes, then 16 base32 chars. */
    static Hit awsKeyId(String s, int i) {
        if (!(s.startsWith("AKIA", i) || s.startsWith("ASIA", i) || s.startsWith("ABIA", i)
                || s.startsWith("ACCA", i))) {
            return null;
        }
        int end = i + 20;
        if (end > s.length() || Chars.isAsciiAlnum(Chars.at(s, end))) {
            return null;
        }
        for (int k = i + 4; k < end; k++) {
            char c = s.charAt(k);
            if (!(Chars.isAsciiUpper(c) || (c >= '2' && c <= '7'))) {
                return null;
            }
        }
        return new Hit(i, end, "AWS_ACCESS_KEY", 0.95,
                "AWS access key id (" + s.substring(i, i + 4) + " prefix, base32 body)");
    }

    private static Hit google(String s, int i) {
        int bodyEnd = run(s, i + 4, 36, KnownTokenScanner::isBase64Url);
        if (bodyEnd - (i + 4) != 35 || placeholder(s, i + 4, bodyEnd)) {
            return null;
        }
        return new Hit(i, bodyEnd, "GOOGLE_API_KEY", 0.95, "Google API key (AIza prefix, 39 chars)");
    }

    private static Hit github(String s, int i) {
        if (s.startsWith("github_pat_", i)) {
            int end = run(s, i + 11, 256, c -> Chars.isAsciiAlnum(c) || c == '_');
            if (end - (i + 11) < 50 || end - (i + 11) > 255 || placeholder(s, i + 11, end)) {
                return null;
            }
            return new Hit(i, end, "GITHUB_TOKEN", 0.97,
                    "GitHub fine-grained personal access token (github_pat_ prefix)");
        }
        if (!(s.startsWith("gh", i) && "pousr".indexOf(Chars.at(s, i + 2)) >= 0 && Chars.at(s, i + 3) == '_')) {
            return null;
        }
        int end = run(s, i + 4, 256, Chars::isAsciiAlnum);
        int length = end - (i + 4);
        if (length < 36 || length > 255 || Chars.at(s, end) == '_' || Chars.at(s, end) == '-'
                || placeholder(s, i + 4, end)) {
            return null;
        }
        return new Hit(i, end, "GITHUB_TOKEN", 0.97,
                "GitHub token (" + s.substring(i, i + 4) + " prefix, base62 body)");
    }

    /** {@code xoxb-}, {@code xoxp-}, {@code xoxa-}, {@code xoxr-}, {@code xoxs-}: a digit group, then more groups. */
    private static Hit slackToken(String s, int i) {
        if (!(s.startsWith("xox", i) && "bpars".indexOf(Chars.at(s, i + 3)) >= 0 && Chars.at(s, i + 4) == '-')) {
            return null;
        }
        int bodyStart = i + 5;
        int end = run(s, bodyStart, 256, c -> Chars.isAsciiAlnum(c) || c == '-');
        while (end > bodyStart && s.charAt(end - 1) == '-') {
            end--;
        }
        int firstDash = s.indexOf('-', bodyStart);
        if (end - bodyStart < 20 || end - bodyStart > 255 || firstDash < 0 || firstDash >= end) {
            return null;
        }
        int digits = firstDash - bodyStart;
        for (int k = bodyStart; k < firstDash; k++) {
            if (!Chars.isDigit(s.charAt(k))) {
                return null;
            }
        }
        if (digits < 8 || placeholder(s, bodyStart, end)) {
            return null;
        }
        return new Hit(i, end, "SLACK_TOKEN", 0.95,
                "Slack token (" + s.substring(i, i + 5) + " prefix, numeric workspace group)");
    }

    /** {@code hooks.slack.com/services/T.../B.../secret}, with its {@code https://} when present. */
    private static Hit slackWebhook(String s, int i) {
        int start = i;
        int p;
        if (s.startsWith("https://", i)) {
            p = i + 8;
        } else if (s.startsWith("http://", i)) {
            p = i + 7;
        } else {
            p = i;
        }
        if (!s.startsWith(SLACK_HOOKS, p)) {
            return null;
        }
        p += SLACK_HOOKS.length();
        int team = run(s, p, 16, c -> Chars.isAsciiUpper(c) || Chars.isDigit(c));
        if (Chars.at(s, p) != 'T' || team - p < 8 || Chars.at(s, team) != '/') {
            return null;
        }
        p = team + 1;
        int bot = run(s, p, 16, c -> Chars.isAsciiUpper(c) || Chars.isDigit(c));
        if (Chars.at(s, p) != 'B' || bot - p < 8 || Chars.at(s, bot) != '/') {
            return null;
        }
        p = bot + 1;
        int end = run(s, p, 64, Chars::isAsciiAlnum);
        if (end - p < 20 || end - p > 48 || placeholder(s, p, end)) {
            return null;
        }
        return new Hit(start, end, "SLACK_WEBHOOK", 0.97, "Slack incoming webhook URL with its secret path");
    }

    /** {@code sk_}/{@code rk_}/{@code pk_} then {@code live_} or {@code test_}, then 24+ base62 chars. */
    private static Hit stripe(String s, int i) {
        char kind = s.charAt(i);
        if (Chars.at(s, i + 1) != 'k' || Chars.at(s, i + 2) != '_') {
            return null;
        }
        boolean live = s.startsWith("live_", i + 3);
        if (!live && !s.startsWith("test_", i + 3)) {
            return null;
        }
        int bodyStart = i + 8;
        int end = run(s, bodyStart, 248, Chars::isAsciiAlnum);
        if (end - bodyStart < 24 || end - bodyStart > 247 || Chars.at(s, end) == '_'
                || placeholder(s, bodyStart, end)) {
            return null;
        }
        // Publishable keys are meant to sit in web pages; test keys unlock only a sandbox.
        double score = kind == 'p' ? 0.6 : live ? 0.97 : 0.85;
        String what = kind == 'p' ? "publishable" : kind == 'r' ? "restricted" : "secret";
        return new Hit(i, end, "STRIPE_KEY", score, "Stripe " + (live ? "live" : "test") + " " + what + " key");
    }

    private static boolean isBase64Url(char c) {
        return Chars.isAsciiAlnum(c) || c == '_' || c == '-';
    }

    /** End of the run of chars matching {@code test} from {@code from}, reading at most {@code max}. */
    static int run(String s, int from, int max, CharTest test) {
        int p = from;
        int limit = Math.min(s.length(), from + max);
        while (p < limit && test.test(s.charAt(p))) {
            p++;
        }
        return p;
    }

    /** True when the body repeats too few chars to be random (a placeholder). */
    private static boolean placeholder(String s, int from, int to) {
        return Entropy.distinct(s, from, to) < MIN_DISTINCT;
    }

    @FunctionalInterface
    interface CharTest {
        boolean test(char c);
    }
}
