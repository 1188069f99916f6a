package dev.parapet.core.text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Morse code (".-- .... .- - / .. ..."): a run of at least {@value #MIN_LETTERS} codes, each a word of dots and
 * dashes of its own ("." "·" "•"; "-" "_" "−" "–" "—"), one space between the letters of a word, and a "/", a
 * "|" or more than one space between words, decoding to text. Each decoded char maps to its code; the space
 * between two words to the gap between them.
 */
final class MorsePayloadDecoder implements PayloadDecoder {

    static final int MIN_LETTERS = 4;
    private static final int MAX_CODE = 7; // the longest code in the table

    /** International Morse code: letters, digits and the common punctuation. */
    private static final Map<String, Character> CODES = codes();

    private static Map<String, Character> codes() {
        String[] table = {
                "a.-", "b-...", "c-.-.", "d-..", "e.", "f..-.", "g--.", "h....", "i..", "j.---", "k-.-", "l.-..",
                "m--", "n-.", "o---", "p.--.", "q--.-", "r.-.", "s...", "t-", "u..-", "v...-", "w.--", "x-..-",
                "y-.--", "z--..", "0-----", "1.----", "2..---", "3...--", "4....-", "5.....", "6-....", "7--...",
                "8---..", "9----.", "..-.-.-", ",--..--", "?..--..", "'.----.", "!-.-.--", "/-..-.", "(-.--.",
                ")-.--.-", "&.-...", ":---...", ";-.-.-.", "=-...-", "+.-.-.", "\".-..-.", "@.--.-."};
        Map<String, Character> codes = new HashMap<>();
        for (String entry : table) {
            codes.put(entry.substring(1), entry.charAt(0));
        }
        return Map.copyOf(codes);
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
            MappedText.Builder decoded = new MappedText.Builder(n, 16);
            int letters = 0;
            int start = i;
            int end = i;
            int p = i;
            while (true) {
                int codeEnd = p;
                StringBuilder code = new StringBuilder();
                while (codeEnd < n && symbol(text.charAt(codeEnd)) != 0 && code.length() <= MAX_CODE) {
                    code.append(symbol(text.charAt(codeEnd)));
                    codeEnd++;
                }
                Character c = CODES.get(code.toString());
                if (c == null || (codeEnd < n && Character.isLetterOrDigit(text.charAt(codeEnd)))) {
                    break;
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
            MappedText view = decoded.build();
            if (letters >= MIN_LETTERS && budget.allows(view.length()) && PayloadDecoder.looksLikeText(view.text())) {
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
