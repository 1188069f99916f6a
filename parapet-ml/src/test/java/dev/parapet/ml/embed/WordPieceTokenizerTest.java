package dev.parapet.ml.embed;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WordPieceTokenizerTest {

    private static WordPieceTokenizer tiny() {
        String[] tokens = {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "un", "##aff", "##able", "hello", ",", "world", "!",
                "cafe", "你", "好"};
        Map<String, Integer> vocab = new HashMap<>();
        for (int i = 0; i < tokens.length; i++) {
            vocab.put(tokens[i], i);
        }
        return new WordPieceTokenizer(vocab);
    }

    @Test
    void splitsWordsIntoLongestPiecesAndFramesThem() {
        assertThat(tiny().encode("unaffable", 128)).containsExactly(2, 4, 5, 6, 3);
    }

    @Test
    void lowercasesStripsAccentsAndSplitsPunctuationAndCjk() {
        assertThat(tiny().encode("Hello, WORLD! Café", 128)).containsExactly(2, 7, 8, 9, 10, 11, 3);
        assertThat(tiny().encode("你好", 128)).containsExactly(2, 12, 13, 3);
    }

    @Test
    void unknownWordsBecomeUnkAndLongInputIsCut() {
        assertThat(tiny().encode("zzz hello", 128)).containsExactly(2, 1, 7, 3);
        long[] ids = tiny().encode("hello ".repeat(100_000), 128);
        assertThat(ids).hasSize(128);
        assertThat(ids[127]).isEqualTo(3);
    }
}
