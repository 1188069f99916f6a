package dev.parapet.core.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Latin look-alike table derived from ICU's confusables data. */
class ConfusablesTest {

    @Test
    void mapsKnownLookAlikesToAsciiLetters() {
        assertThat(Confusables.prototypeOf(0x0430)).isEqualTo('a'); // Cyrillic a
        assertThat(Confusables.prototypeOf(0x0455)).isEqualTo('s'); // Cyrillic dze
        assertThat(Confusables.prototypeOf(0x04BB)).isEqualTo('h'); // Cyrillic shha
        assertThat(Confusables.prototypeOf(0x0456)).isEqualTo('i'); // Byelorussian-Ukrainian i
        assertThat(Confusables.prototypeOf(0x0442)).isEqualTo('t'); // Cyrillic te, through small capital T
        assertThat(Confusables.prototypeOf(0x03BF)).isEqualTo('o'); // Greek omicron
        assertThat(Confusables.prototypeOf(0x0131)).isEqualTo('i'); // Latin dotless i
        assertThat(Confusables.prototypeOf(0x1D400)).isEqualTo((char) 0); // NFKC already made it "A"
    }

    @Test
    void leavesLettersWithoutASingleLatinLookAlike() {
        assertThat(Confusables.prototypeOf(0x0436)).isEqualTo((char) 0); // Cyrillic zhe
        assertThat(Confusables.prototypeOf(0x03BB)).isEqualTo((char) 0); // Greek lamda
        assertThat(Confusables.prototypeOf(0x0915)).isEqualTo((char) 0); // Devanagari ka
    }

    @Test
    void neverMapsAsciiOrHanKanaHangul() {
        for (int c = 0; c < 0x80; c++) {
            assertThat(Confusables.prototypeOf(c)).isEqualTo((char) 0);
        }
        assertThat(Confusables.prototypeOf(0x4E28)).isEqualTo((char) 0); // Han "丨"
        assertThat(Confusables.prototypeOf(0x3163)).isEqualTo((char) 0); // Hangul letter i
        assertThat(Confusables.prototypeOf(0x30CB)).isEqualTo((char) 0); // Katakana ni
    }

    @Test
    void everyPrototypeIsALowercaseAsciiLetterOfANonCjkLetter() {
        assertThat(Confusables.size()).isGreaterThan(100);
        int found = 0;
        for (int cp = 0x80; cp <= 0x10FFFF; cp++) {
            char proto = Confusables.prototypeOf(cp);
            if (proto != 0) {
                found++;
                assertThat(proto).isBetween('a', 'z');
                assertThat(Chars.isLetter(cp)).isTrue();
                assertThat(Chars.isCjk(cp)).isFalse();
            }
        }
        assertThat(found).isEqualTo(Confusables.size());
    }
}
