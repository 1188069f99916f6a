package dev.parapet.detect.injection;

import dev.parapet.core.detect.Deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds requests for actions written into data: a sentence that starts (optionally after "please") with
 * an action verb an agent could carry out — send, transfer, forward, delete, grant, unlock — and names a
 * target (an address, a link, an account, "my ..."). In a user's message that is just a request; inside
 * a tool result or document it is text addressed to the agent, the mark of an indirect injection.
 * Hand-written scanner over the NFKC view (addresses and digits intact; words compared in lower case):
 * linear, no regex; it gives up when the detector's time budget runs out.
 */
final class RequestScanner {

    /** A request found: half-open range in the scanned text. */
    record Request(int start, int end) {
    }

    private static final Set<String> VERBS = Set.of(
            "send", "transfer", "forward", "email", "e-mail", "mail", "pay", "wire", "grant", "give", "share",
            "delete", "remove", "erase", "wipe", "unlock", "disable", "deactivate", "change", "update", "modify",
            "reset", "set", "invite", "add", "post", "publish", "upload", "download", "visit", "open", "click",
            "execute", "run", "install", "create", "book", "reserve", "schedule", "cancel", "move", "withdraw",
            "deposit", "buy", "purchase", "order", "sell", "approve", "authorize", "authorise", "retrieve", "get",
            "fetch", "list", "read", "export", "copy", "concatenate", "call", "text", "message", "tweet", "reply",
            "say", "tell", "make", "initiate", "turn", "start", "stop", "release", "redirect", "navigate", "go",
            "sende", "schicke", "überweise", "leite", "lösche", "envoie", "envoyez", "transférez", "supprime",
            "supprimez", "envía", "envia", "transfiere", "elimina", "borra", "invia", "inoltra", "cancella",
            "envie", "transfira", "apague", "отправь", "отправьте", "переведи", "удали", "перешли");
    private static final Set<String> POLITE = Set.of("please", "kindly", "bitte", "merci de", "por favor", "per favore");
    private static final Set<String> TARGET_WORDS = Set.of("my", "me", "all", "your", "this", "the following",
            "immediately", "mein", "meine", "mon", "ma", "mes", "mi", "mis", "mio", "meu", "minha", "мне", "мой");
    private static final Set<String> CLAUSE = Set.of("and", "then", "und", "dann", "et", "puis", "y", "luego", "e",
            "poi", "depois", "и", "затем");
    private static final Set<String> SENDING = Set.of("send", "email", "e-mail", "mail", "forward", "share", "post",
            "upload", "transfer", "wire", "pay", "grant", "invite", "give");
    private static final Set<String> PERSON = Set.of("my", "me", "you", "your", "mein", "meine", "mir", "mon", "ma",
            "mes", "moi", "mi", "mis", "meu", "minha", "мне", "мой", "мою");
    private static final int MAX_SENTENCE = 300;
    /** Sentences read between two looks at the deadline. */
    private static final int DEADLINE_EVERY = 256;

    /** The requests in {@code text}; checks {@code deadline} as it goes. */
    List<Request> find(CharSequence text, Deadline deadline) {
        List<Request> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int sentences = 0;
        while (i < n) {
            if (++sentences % DEADLINE_EVERY == 0) {
                deadline.check();
            }
            int start = skipSpaces(text, i);
            int end = sentenceEnd(text, start);
            if (start < end && isRequest(text, start, end)) {
                out.add(new Request(start, end));
            }
            i = Math.max(end + 1, i + 1);
        }
        return out;
    }

    /**
     * Sentences end at . ! ? and line breaks, at quotes and colons that delimit fields in data, and at the bars
     * between a table's cells.
     */
    private static int sentenceEnd(CharSequence text, int from) {
        int limit = Math.min(text.length(), from + MAX_SENTENCE);
        for (int k = from; k < limit; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '|' || (c == '"' || c == '\'') && !insideWord(text, k)) {
                return k;
            }
            if ((c == '.' || c == '!' || c == '?' || c == ':') && (k + 1 >= text.length()
                    || Character.isWhitespace(text.charAt(k + 1)))) {
                return k;
            }
        }
        return limit;
    }

    /**
     * A quote delimits a field of data when punctuation of structure sits next to it ({@code 'a': 'b'},
     * {@code ['x', 'y']}); a quote inside prose ("don't", "the file 'a.txt'") does not end a sentence.
     */
    private static boolean insideWord(CharSequence text, int k) {
        int b = k - 1;
        while (b >= 0 && text.charAt(b) == ' ') {
            b--;
        }
        int a = k + 1;
        while (a < text.length() && text.charAt(a) == ' ') {
            a++;
        }
        boolean structural = b < 0 || a >= text.length() || ":,{[(=".indexOf(text.charAt(b)) >= 0
                || ":,}])".indexOf(text.charAt(a)) >= 0;
        return !structural;
    }

    private static boolean isRequest(CharSequence text, int start, int end) {
        List<String> words = words(text, start, end, 40);
        if (words.size() < 3) {
            return false;
        }
        int w = 0;
        // "please" followed by an action verb starts a request wherever it stands ("..., please send ...").
        for (int k = 0; k + 1 < words.size(); k++) {
            if (POLITE.contains(words.get(k)) && VERBS.contains(words.get(k + 1))) {
                w = k + 1;
                break;
            }
            if (k + 2 < words.size() && POLITE.contains(words.get(k) + " " + words.get(k + 1))
                    && VERBS.contains(words.get(k + 2))) {
                w = k + 2;
                break;
            }
        }
        String sentence = text.subSequence(start, end).toString().toLowerCase(java.util.Locale.ROOT);
        boolean hardTarget = sentence.indexOf('@') >= 0 || sentence.contains("http") || sentence.contains("www.")
                || hasAccountNumber(sentence);
        if (!VERBS.contains(words.get(w))) {
            // "... and email the details to x@y": a request in a later clause, when it names where data goes.
            for (int k = w; hardTarget && k + 1 < words.size(); k++) {
                if (CLAUSE.contains(words.get(k)) && VERBS.contains(words.get(k + 1))) {
                    return true;
                }
            }
            // "Find my flight; ..., send a summary to x@y": a verb that moves data out, a person, and an address.
            return hardTarget && sendsTo(words) && words.stream().anyMatch(PERSON::contains);
        }
        if (hardTarget || w > 0) {
            return true; // "please <verb>" asks for an action by itself
        }
        if (titleCase(text, start, end)) {
            return false; // "Give My Last Breath", "Change Your World": a title in a table or a list, not a request
        }
        for (int k = w + 1; k < words.size(); k++) {
            if (TARGET_WORDS.contains(words.get(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every word of four letters or more starts with a capital, and there are at least three words: how titles
     * of songs, shows and books are written, and how no one writes a request.
     */
    private static boolean titleCase(CharSequence text, int start, int end) {
        int words = 0;
        int e;
        for (int s = LetterRuns.next(text, start, end); s < end; s = LetterRuns.next(text, e, end)) {
            e = LetterRuns.end(text, s, end);
            words++;
            if ((e - s >= 4 || words == 1) && !Character.isUpperCase(text.charAt(s))) {
                return false;
            }
        }
        return words >= 3;
    }

    /** A verb that moves data out, followed by where to: "email the details to", "send it at". */
    private static boolean sendsTo(List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            if (SENDING.contains(words.get(k))) {
                for (int j = k + 1; j < words.size(); j++) {
                    if (words.get(j).equals("to") || words.get(j).equals("at")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean hasAccountNumber(String s) {
        int run = 0;
        for (int k = 0; k < s.length(); k++) {
            run = Character.isDigit(s.charAt(k)) ? run + 1 : 0;
            if (run >= 8) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(CharSequence text, int start, int end, int max) {
        List<String> out = new ArrayList<>();
        int k = start;
        while (k < end && out.size() < max) {
            while (k < end && !Character.isLetter(text.charAt(k)) && text.charAt(k) != '-') {
                k++;
            }
            int s = k;
            while (k < end && (Character.isLetter(text.charAt(k)) || text.charAt(k) == '-')) {
                k++;
            }
            if (k > s) {
                out.add(text.subSequence(s, k).toString().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    private static int skipSpaces(CharSequence text, int i) {
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '-'
                || text.charAt(i) == '*' || text.charAt(i) == '>' || text.charAt(i) == '#')) {
            i++;
        }
        return i;
    }
}
