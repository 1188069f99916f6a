package dev.parapet.core.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UCharacterCategory;

import java.util.List;

/** Finds payloads of one encoding in a text and decodes them. Implementations are stateless. */
interface PayloadDecoder {

    /**
     * A decoded payload: the encoded run is {@code text[start, end)} and {@code decoded} maps each decoded char
     * into that text.
     */
    record Run(Payload.Encoding encoding, int start, int end, MappedText decoded) {
    }

    /** The encoding this decoder undoes. */
    Payload.Encoding encoding();

    /** Adds the payloads found in {@code text} to {@code out}, within {@code budget}. */
    void decode(String text, DecodeBudget budget, List<Run> out);

    /**
     * Whether decoded bytes read as text rather than binary: at least 90% printable (no controls but
     * whitespace, no unassigned, private-use or replacement chars) and at least a quarter letters.
     */
    static boolean looksLikeText(String s) {
        int total = 0;
        int printable = 0;
        int letters = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            total++;
            if (Chars.isLetter(cp)) {
                letters++;
                printable++;
            } else if (cp < 0x80) {
                if (cp >= 0x20 && cp < 0x7F || cp == '\n' || cp == '\r' || cp == '\t') {
                    printable++;
                }
            } else {
                int type = UCharacter.getType(cp);
                if (type != UCharacterCategory.CONTROL && type != UCharacterCategory.UNASSIGNED
                        && type != UCharacterCategory.PRIVATE_USE && type != UCharacterCategory.SURROGATE
                        && cp != 0xFFFD) {
                    printable++;
                }
            }
        }
        return letters >= 2 && printable * 10 >= total * 9 && letters * 4 >= total;
    }
}
