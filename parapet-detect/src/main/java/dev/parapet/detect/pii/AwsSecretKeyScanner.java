package dev.parapet.detect.pii;

import dev.parapet.core.detect.Deadline;

import java.util.List;

/**
 * AWS secret access keys: exactly 40 chars of {@code [A-Za-z0-9/+]}, random-looking, and only where
 * the context says AWS: an access key id within a few lines, or a name like {@code aws_secret} or
 * {@code secret_access_key} just before. Forty such chars alone are too common (base64 of anything)
 * to report.
 */
final class AwsSecretKeyScanner implements TextScanner {

    static final double SCORE = 0.95;

    private static final int LENGTH = 40;
    private static final int KEY_ID_DISTANCE = 300;
    private static final String[] KEYWORDS = {"aws_secret", "aws secret", "secret_access_key", "secretaccesskey",
        "secret access key", "aws_secret_access_key"};

    @Override
    public void scan(String text, Deadline deadline, List<Hit> out) {
        int n = text.length();
        Pacer pacer = new Pacer(deadline);
        int i = 0;
        while (i < n) {
            pacer.at(i);
            if (!isKeyChar(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isKeyChar(text.charAt(i))) {
                i++;
            }
            if (i - start == LENGTH && Chars.at(text, i) != '=' && !Chars.isWordChar(Chars.at(text, start - 1))
                    && !Chars.isWordChar(Chars.at(text, i)) && randomLooking(text, start, i)
                    && awsContext(text, start, i)) {
                out.add(new Hit(start, i, "AWS_SECRET_KEY", SCORE,
                        "40-char AWS secret access key next to an AWS key id or name"));
            }
        }
    }

    private static boolean isKeyChar(char c) {
        return Chars.isAsciiAlnum(c) || c == '/' || c == '+';
    }

    private static boolean randomLooking(String text, int start, int end) {
        return Entropy.classes(text, start, end) >= 3 && Entropy.shannon(text, start, end) >= 4.0;
    }

    private static boolean awsContext(String text, int start, int end) {
        if (Chars.keywordNear(text, start, end, 60, 0, KEYWORDS)) {
            return true;
        }
        int from = Math.max(0, start - KEY_ID_DISTANCE);
        int to = Math.min(text.length(), end + KEY_ID_DISTANCE);
        for (int k = from; k < to - 20; k++) {
            if (text.charAt(k) == 'A' && !Chars.isAsciiAlnum(Chars.at(text, k - 1))
                    && KnownTokenScanner.awsKeyId(text, k) != null) {
                return true;
            }
        }
        return false;
    }
}
