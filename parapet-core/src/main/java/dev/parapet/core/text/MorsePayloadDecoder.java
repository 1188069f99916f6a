package dev.parapet.core.text;

import java.util.List;

/**
 * Morse code (".-- .... .- - / .. ..."): a run of at least {@value #MIN_LETTERS} codes, each a word of dots and
 * dashes of its own ("." "·" "•"; "-" "_" "−" "–" "—"), one space between the letters of a word, and a "/", a
 * "|" or more than one space between words, decoding to text. Each decoded char maps to its code; the space
 * between two words to the gap between them.
 */
final class MorsePayloadDecoder implements PayloadDecoder {

    static final int MIN_LETTERS = 4;
    private static final int MAX_CODE = 7; // the longest code in the table

    /**
     * International Morse code (letters, digits, the common punctuation) by code, each code read as a number: a
     * leading 1, then a bit a symbol (1 for a dash), so that no string is built to look one up.
     */
    private static final char[] CODES = codes();

    private static char[] codes() {
        String[] table = {
                "a.-", "b-...", "c-.-.", "d-..", "e.", "f..-.", "g--.", "h....", "i..", "j.---", "k-.-", "l.-..",
                "m--", "n-.", "o---", "p.--.", "q--.-", "r.-.", "s...", "t-", "u..-", "v...-", "w.--", "x-..-",
                "y-.--", "z--..", "0-----", "1.----", "2..---", "3...--", "4....-", "5.....", "6-....", "7--...",
                "8---..", "9----.", "..-.-.-", ",--..--", "?..--..", "'.----.", "!-.-.--", "/-..-.", "(-.--.",
                ")-.--.-", "&.-...", ":---...", ";-.-.-.", "=-...-", "+.-.-.", "\".-..-.", "@.--.-."};
        char[] codes = new char[2 << MAX_CODE];
        for (String entry : table) {
            int code = 1;
            for (int i = 1; i < entry.length(); i++) {
                code = code << 1 | (entry.charAt(i) == '-' ? 1 : 0);
            }
            codes[code] = entry.charAt(0);
        }
        return codes;
    }

    @Override
    public Payload.Encoding encoding() {
        return Payload.Encoding.MORSE;
    }

    @Override
    public void decode(String text, DecodeBudget budget, List<Run> out) {
        int n = text.length();
        int i = 0;
        while (i < n && !budget.exhausted()) {
            if (symbol(text.charAt(i)) == 0 || (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            MappedText.Builder decoded = null; // made at the first code: most runs of dots and dashes are none
            int letters = 0;
            int start = i;
            int end = i;
            int p = i;
            while (true) {
                int codeEnd = p;
                int code = 1;
                char sym;
                while (codeEnd < n && codeEnd - p <= MAX_CODE && (sym = symbol(text.charAt(codeEnd))) != 0) {
                    code = code << 1 | (sym == '-' ? 1 : 0);
                    codeEnd++;
                }
                char c = code < CODES.length ? CODES[code] : 0;
                if (c == 0 || (codeEnd < n && Character.isLetterOrDigit(text.charAt(codeEnd)))) {
                    break;
                }
                if (decoded == null) {
                    decoded = new MappedText.Builder(n, 16);
                }
                decoded.append(c, p, codeEnd);
                letters++;
                end = codeEnd;
                // The gap to the next code: one space between letters, "/", "|" or more spaces between words.
                int next = codeEnd;
                boolean wordBreak = false;
                while (next < n && (text.charAt(next) == ' ' || text.charAt(next) == '/' || text.charAt(next) == '|')) {
                    wordBreak |= text.charAt(next) != ' ' || next > codeEnd;
                    next++;
                }
                if (next == codeEnd || next == n || symbol(text.charAt(next)) == 0) {
                    break;
                }
                if (wordBreak) {
                    decoded.append(' ', codeEnd, next);
                }
                p = next;
            }
            i = Math.max(end, i + 1); // never rescan a run: keeps the scan linear
            if (letters < MIN_LETTERS) {
                continue;
            }
            MappedText view = decoded.build();
            if (budget.allows(view.length()) && PayloadDecoder.looksLikeText(view.text())) {
                budget.take(view.length());
                out.add(new Run(encoding(), start, end, view));
            }
        }
    }

    /** The symbol a char stands for in Morse code: '.' or '-', else 0. */
    static char symbol(char c) {
        if (c > '_' && c < '\u00B7') {
            return 0; // lower-case letters and most of ASCII: one compare, not a switch
        }
        return switch (c) {
            case '.', '\u00B7', '\u2022' -> '.';
            case '-', '_', '\u2212', '\u2013', '\u2014' -> '-';
            default -> 0;
        };
    }
}
