package dev.parapet.detect.injection;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds requests for actions written into data: a sentence that starts (optionally after "please") with
 * an action verb an agent could carry out — send, transfer, forward, delete, grant, unlock — and names a
 * target (an address, a link, an account, "my ..."). In a user's message that is just a request; inside
 * a tool result or document it is text addressed to the agent, the mark of an indirect injection.
 * Hand-written scanner over the folded (lower-case) view: linear, no regex.
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
    private static final int MAX_SENTENCE = 300;

    List<Request> find(CharSequence text) {
        List<Request> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int start = skipSpaces(text, i);
            int end = sentenceEnd(text, start);
            if (start < end && isRequest(text, start, end)) {
                out.add(new Request(start, end));
            }
            i = Math.max(end + 1, i + 1);
        }
        return out;
    }

    /** Sentences end at . ! ? and line breaks, and at quotes and colons that delimit fields in data. */
    private static int sentenceEnd(CharSequence text, int from) {
        int limit = Math.min(text.length(), from + MAX_SENTENCE);
        for (int k = from; k < limit; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '"' || c == '\'' && (k + 1 >= text.length() || !Character.isLetter(text.charAt(k + 1)))) {
                return k;
            }
            if ((c == '.' || c == '!' || c == '?' || c == ':') && (k + 1 >= text.length()
                    || Character.isWhitespace(text.charAt(k + 1)))) {
                return k;
            }
        }
        return limit;
    }

    private static boolean isRequest(CharSequence text, int start, int end) {
        List<String> words = words(text, start, end, 40);
        if (words.size() < 3) {
            return false;
        }
        int w = 0;
        if (POLITE.contains(words.get(0))) {
            w = 1;
        } else if (words.size() > 1 && POLITE.contains(words.get(0) + " " + words.get(1))) {
            w = 2;
        }
        if (!VERBS.contains(words.get(w))) {
            return false;
        }
        String sentence = text.subSequence(start, end).toString();
        if (sentence.indexOf('@') >= 0 || sentence.contains("http") || sentence.contains("www.")
                || hasAccountNumber(sentence)) {
            return true;
        }
        for (int k = w + 1; k < words.size(); k++) {
            if (TARGET_WORDS.contains(words.get(k))) {
                return true;
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
                out.add(text.subSequence(s, k).toString());
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
